import { officeZone } from '../calendar/office-zone.ts';
import type { Language } from '../config/localized.ts';
import { plural } from './plural.ts';

/** Everything printed on a ticket besides names from the configuration. */
export const ticketTexts = {
  ahead: (language: Language, n: number): string =>
    language === 'cs'
      ? n === 0
        ? 'Před vámi nikdo nečeká'
        : plural('cs', n, { one: 'Před vámi čeká {n} osoba', few: 'Před vámi čekají {n} osoby', other: 'Před vámi čeká {n} osob' })
      : n === 0
        ? 'Nobody is ahead of you'
        : plural('en', n, { one: '{n} person ahead of you', other: '{n} people ahead of you' }),
  wait: (language: Language, minutes: number | null): string => {
    if (minutes === null) return language === 'cs' ? 'Čekací dobu nelze odhadnout' : 'Waiting time cannot be estimated';
    if (minutes === 0) return language === 'cs' ? 'Budete brzy vyvoláni' : 'You will be called shortly';
    return language === 'cs'
      ? plural('cs', minutes, { one: 'Odhad čekání: {n} minuta', few: 'Odhad čekání: {n} minuty', other: 'Odhad čekání: {n} minut' })
      : plural('en', minutes, { one: 'Estimated wait: {n} minute', other: 'Estimated wait: {n} minutes' });
  },
  booked: (language: Language, time: string): string => (language === 'cs' ? `Rezervace na ${time}` : `Booked for ${time}`),
  qr: { cs: 'Stav fronty v mobilu:', en: 'Queue status on your phone:' },
  footer: { cs: 'Vyčkejte na vyvolání čísla.', en: 'Please wait until your number is called.' },
};

const dateTime: Record<Language, Intl.DateTimeFormat> = {
  cs: new Intl.DateTimeFormat('cs-CZ', { timeZone: officeZone, day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: officeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
};

/** The issue time in Prague time, as Czech people write it: "24. 11. 2026 8:05". */
export function formatIssuedAt(at: number, language: Language): string {
  return dateTime[language].format(at);
}
