import { dictionary } from '@zxcvbn-ts/language-common';

/** Passwords Czech users pick that the English-language breach lists miss; compared without diacritics. */
const czechCommon = [
  'heslo',
  'hesla',
  'mojeheslo',
  'noveheslo',
  'tajneheslo',
  'stareheslo',
  'prihlaseni',
  'urad',
  'mestskyurad',
  'obecniurad',
  'fronta',
  'spravce',
  'ahoj',
  'nevim',
  'jahoda',
  'kocicka',
  'slunicko',
  'beruska',
  'miluju',
  'milujite',
  'pepicek',
  'kostelec',
  'praha',
  'brno',
  'ostrava',
  'sparta',
  'slavia',
  'podzim',
  'jaro',
  'leto',
  'zima',
];

let known: Set<string> | undefined;
/** zxcvbn's list of about 49,000 passwords from public breaches, with the Czech ones; loaded on first use. */
const common = () => (known ??= new Set([...dictionary['passwords-common'], ...czechCommon]));

const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Why a new staff password is too easy to guess, or null. Length alone (12, checked by the schema)
 * lets "heslo1234567" and "password2026!" through: a password is refused when it is, or is built
 * around, a common or breached one (digits and signs added at either end, or the word repeated),
 * repeats a short pattern, or contains the user's name.
 */
export function weakPasswordReason(password: string, person: { username: string; name: string }): string | null {
  const plain = folded(password);
  const core = plain.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (common().has(plain) || common().has(core)) return 'a common or breached password';
  if (core.length < 4) return 'mostly digits and signs';
  const repeated = /^(.+)\1+$/u.exec(core)?.[1];
  if (/^(.{1,4})\1+$/u.test(plain) || (repeated && common().has(repeated))) return 'a repeated pattern';
  const parts = [person.username, ...folded(person.name).split(/[\s.-]+/u)].map(folded).filter((part) => part.length >= 3);
  if (parts.some((part) => plain.includes(part))) return 'contains the name';
  return null;
}
