import type { Language } from '../config/localized.ts';
import { type PluralForms, plural } from './plural.ts';

/**
 * Counts of minutes and days that come from the configuration, so any number can stand there.
 * Czech declines them by case as well as by number: "do 1 minuty" but "1 minutu před", "1 den".
 */
const forms = {
  /** After "do", "od" (genitive): do 1 minuty, do 2 minut, do 15 minut. */
  minutesGenitive: { cs: { one: '{n} minuty', other: '{n} minut' }, en: { one: '{n} minute', other: '{n} minutes' } },
  /** A length of time (accusative): 1 minutu před, 2 minuty před, 15 minut před. */
  minutesAccusative: { cs: { one: '{n} minutu', few: '{n} minuty', other: '{n} minut' }, en: { one: '{n} minute', other: '{n} minutes' } },
  /** A length of time (accusative): 1 den, 2 dny, 30 dní. */
  daysAccusative: { cs: { one: '{n} den', few: '{n} dny', other: '{n} dní' }, en: { one: '{n} day', other: '{n} days' } },
} satisfies Record<string, Record<Language, PluralForms>>;

export type DurationForm = keyof typeof forms;

export function duration(language: Language, count: number, form: DurationForm): string {
  return plural(language, count, forms[form][language]);
}
