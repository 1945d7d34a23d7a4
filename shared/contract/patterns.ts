/**
 * The patterns that the schemas and the web pages both check, in one place without zod (the pages
 * import this, not the schemas, so the bundle carries no parser).
 */

/** Ids of services, workplaces, counters and devices: lowercase letters, digits and dashes; also a topic segment. */
export const idPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** A phone number of 9 to 15 digits, single spaces between them allowed, with an optional leading +. */
export const phonePattern = /^\+?\d(?: ?\d){8,14}$/;
