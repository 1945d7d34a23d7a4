/**
 * Every answer in one shape, the MQTT replies' own: the data, or a refusal whose `code` says what
 * went wrong, with a free `detail` for the log and typed fields where the refusal carries data
 * (a kiosk's `tooEarly` says `opensAt`). Only the edge (a page, the kiosk's LCD, an e-mail) turns
 * the code into words.
 */
export type Result<T, E extends { code: string } = Refusal<string>> = { ok: true; data: T } | { ok: false; error: E };

export interface Refusal<C extends string> {
  code: C;
  detail?: string;
}

export const accepted = <T>(data: T): { ok: true; data: T } => ({ ok: true, data });

/** A refusal with its code, a detail only when there is one, and any typed fields it carries. */
export function refused<C extends string, F extends object = object>(code: C, detail?: string, fields?: F): { ok: false; error: Refusal<C> & F } {
  return { ok: false, error: { code, ...(detail === undefined ? {} : { detail }), ...fields } as Refusal<C> & F };
}
