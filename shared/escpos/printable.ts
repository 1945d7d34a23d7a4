import { upperHalves } from './code-pages.ts';

/**
 * What a typed text becomes on paper: a character the printer's code page lacks would print as
 * "?", so typography that office staff paste from word processors is set in its plain form, and a
 * letter from another alphabet loses its accent. Shared, so that the settings page warns with the
 * very same rule the kiosk prints by.
 */
const plainForms: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‒': '-',
  '−': '-',
  '‐': '-',
  '„': '"',
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '‚': "'",
  '‘': "'",
  '’': "'",
  '‹': "'",
  '›': "'",
  '…': '...',
  '€': 'EUR',
  '•': '*',
  '·': '.',
  '№': 'c.',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
};

const printableSets = new Map(Object.entries(upperHalves).map(([page, chars]) => [Number(page), new Set(chars)]));

function fits(char: string, chars: Set<string>): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code < 0x7f) || chars.has(char);
}

/** `text` as the printer on code page `escT` (ESC t n) can print it. */
export function printable(text: string, escT = 18): string {
  const chars = printableSets.get(escT) ?? new Set<string>();
  return [...text]
    .map((char) => {
      if (fits(char, chars)) return char;
      const plain = plainForms[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
      return [...plain].every((c) => fits(c, chars)) ? plain : '?';
    })
    .join('');
}

/** The characters of `text` that do not print as typed, each once: what the settings page warns of. */
export function unprintable(text: string, escT = 18): string[] {
  const chars = printableSets.get(escT) ?? new Set<string>();
  return [...new Set([...text].filter((char) => !fits(char, chars)))];
}
