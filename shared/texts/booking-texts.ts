import { officeZone } from '../calendar/office-zone.ts';
import type { Language } from '../config/localized.ts';
import { duration } from './durations.ts';

/** Dates and times of appointments, always in Prague time, as Czech and English readers write them. */
const zone = officeZone;
const dayFormat: Record<Language, Intl.DateTimeFormat> = {
  cs: new Intl.DateTimeFormat('cs-CZ', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
};
const timeFormat: Record<Language, Intl.DateTimeFormat> = {
  cs: new Intl.DateTimeFormat('cs-CZ', { timeZone: zone, hour: 'numeric', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', minute: '2-digit' }),
};

/** "čtvrtek 3. prosince 2026" for a Prague day given as YYYY-MM-DD (noon UTC is that day in Prague). */
export function formatDay(day: string, language: Language): string {
  return dayFormat[language].format(Date.parse(`${day}T12:00:00Z`));
}

export function formatTime(at: number, language: Language): string {
  return timeFormat[language].format(at);
}

/** "čtvrtek 3. prosince 2026 v 9:30" / "Thursday 3 December 2026 at 9:30". */
export function formatAppointment(at: number, language: Language): string {
  const day = dayFormat[language].format(at);
  return language === 'cs' ? `${day} v ${formatTime(at, 'cs')}` : `${day} at ${formatTime(at, 'en')}`;
}

/** What the code e-mail asks for first (seed: the client comes with the booking confirmation). */
export const bringConfirmation = { cs: 'Vezměte si s sebou toto potvrzení.', en: 'Bring this confirmation with you.' };

/**
 * The seed's instructions for the visit, in the citizen's words, said the same by the e-mails, the
 * calendar invitation and the pages; `kiosk` is where the workplace's ticket printer stands (seed:
 * the entrance hall, or the corridor opposite the lift).
 */
export function visitInstructions(language: Language, early: number, late: number, kiosk?: string): string[] {
  const where = kiosk ? ` (${kiosk})` : '';
  return language === 'cs'
    ? [
        `Na tiskárně lístků${where} zvolte „Klienti objednaní online“ a zadejte svůj identifikační kód.`,
        `Kód platí od ${duration('cs', early, 'minutesGenitive')} před sjednaným časem do ${duration('cs', late, 'minutesGenitive')} po něm; vytiskne se lístek a budete vyvoláni v čase rezervace.`,
        'Pokud v této době nepřijdete, rezervace propadá.',
      ]
    : [
        `At the ticket printer${where} choose "Clients booked online" and enter your identification code.`,
        `The code works from ${duration('en', early, 'minutesGenitive')} before to ${duration('en', late, 'minutesGenitive')} after the agreed time; a ticket prints and you are called at the time of your booking.`,
        'If you do not come within that time, the booking lapses.',
      ];
}
