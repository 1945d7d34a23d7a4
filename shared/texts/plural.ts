import type { Language } from '../config/localized.ts';

const rules: Record<Language, Intl.PluralRules> = { cs: new Intl.PluralRules('cs'), en: new Intl.PluralRules('en') };

/** Czech has one, few and other for whole numbers (1 osoba, 2 osoby, 5 osob); forms by Intl.PluralRules. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export function plural(language: Language, count: number, forms: PluralForms): string {
  const form = forms[rules[language].select(count)] ?? forms.other;
  return form.replace('{n}', String(count));
}
