/**
 * Office rules are applied, and times shown, in Prague time; instants are stored as UTC
 * milliseconds. Its own module without dependencies, so the web pages can format times with it.
 */
export const officeZone = 'Europe/Prague';
