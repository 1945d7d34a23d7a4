/**
 * Phone numbers as citizens type them ("777 123 456", "+420 777 123 456", "00421 905 123 456"),
 * kept in one form, E.164 ("+420777123456"): the daily limits count a number once however it was
 * typed, and the modem and the gateways all take it. No zod here: the pages check with it too.
 */

/** The number in E.164, or null: nine digits alone are Czech, 00 is the international prefix. */
export function normalisePhone(typed: string): string | null {
  const compact = typed.trim().replace(/ /g, '');
  const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : null;
  const digits = international ?? (/^\d{9}$/.test(compact) ? `420${compact}` : null);
  if (digits === null || !/^[1-9]\d{7,14}$/.test(digits)) return null;
  // A Czech number has nine digits after +420, and none starts with 0 or 1.
  if (digits.startsWith('420') && !/^420[2-9]\d{8}$/.test(digits)) return null;
  return `+${digits}`;
}

/** Whether a text message can reach it: Czech mobile numbers start with 6 or 7; abroad every number is taken as one that can. */
export function takesSms(e164: string): boolean {
  return e164.startsWith('+420') ? /^\+420[67]/.test(e164) : true;
}

/** What a page shows of a number it holds: enough to recognise a typo, not the whole number. */
export const maskedPhone = (e164: string): string => `${e164.slice(0, 4)} … ${e164.slice(-3)}`;

/** How staff read a number: a Czech one in threes ("+420 777 123 456"), a foreign one as kept. */
export const spacedPhone = (e164: string): string => (/^\+420\d{9}$/.test(e164) ? e164.replace(/^(\+420)(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3 $4') : e164);
