import { plural } from './plural.ts';

/**
 * A call as Czech people say it aloud: "Číslo bé čtrnáct, přepážka číslo tři." Numbers in their
 * counting (citation) form as after "číslo": jedna, dva; letters by their Czech names. Written out
 * in words, so no speech engine has to guess how to read "B014".
 */
const ones = [
  'nula',
  'jedna',
  'dva',
  'tři',
  'čtyři',
  'pět',
  'šest',
  'sedm',
  'osm',
  'devět',
  'deset',
  'jedenáct',
  'dvanáct',
  'třináct',
  'čtrnáct',
  'patnáct',
  'šestnáct',
  'sedmnáct',
  'osmnáct',
  'devatenáct',
];
const tens = ['', '', 'dvacet', 'třicet', 'čtyřicet', 'padesát', 'šedesát', 'sedmdesát', 'osmdesát', 'devadesát'];
const hundreds = ['', 'sto', 'dvě stě', 'tři sta', 'čtyři sta', 'pět set', 'šest set', 'sedm set', 'osm set', 'devět set'];
const letters: Record<string, string> = {
  A: 'á',
  B: 'bé',
  C: 'cé',
  D: 'dé',
  E: 'é',
  F: 'ef',
  G: 'gé',
  H: 'há',
  I: 'í',
  J: 'jé',
  K: 'ká',
  L: 'el',
  M: 'em',
  N: 'en',
  O: 'ó',
  P: 'pé',
  Q: 'kvé',
  R: 'er',
  S: 'es',
  T: 'té',
  U: 'ú',
  V: 'vé',
  W: 'dvojité vé',
  X: 'iks',
  Y: 'ypsilon',
  Z: 'zet',
};

/** 0 to 9,999 in Czech words. */
export function czechNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`cannot say ${n}`);
  if (n < 20) return ones[n]!;
  const parts: string[] = [];
  const thousands = Math.floor(n / 1000);
  if (thousands > 0) parts.push(thousands === 1 ? 'tisíc' : `${ones[thousands]!} ${plural('cs', thousands, { one: 'tisíc', few: 'tisíce', other: 'tisíc' })}`);
  const rest = n % 1000;
  if (rest >= 100) parts.push(hundreds[Math.floor(rest / 100)]!);
  const below = rest % 100;
  if (below >= 20) parts.push(tens[Math.floor(below / 10)]!, ...(below % 10 ? [ones[below % 10]!] : []));
  else if (below > 0) parts.push(ones[below]!);
  return parts.join(' ');
}

/** "B014" → "bé čtrnáct". */
export function sayTicketNumber(number: string): string {
  const letter = number[0]!;
  return `${letters[letter] ?? letter} ${czechNumber(Number(number.slice(1)))}`;
}

export function spokenCall(number: string, counterNumber: number): string {
  return `Číslo ${sayTicketNumber(number)}, přepážka číslo ${czechNumber(counterNumber)}.`;
}
