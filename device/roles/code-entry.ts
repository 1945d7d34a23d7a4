import type { KeypadKey } from '../drivers/interfaces.ts';

const maxLength = 12;
const minLength = 4;

export type CodeStep = { kind: 'typing'; code: string } | { kind: 'submit'; code: string } | { kind: 'empty' };

/**
 * The booking code being typed on the keypad: digits add, `back` corrects the last digit, `clear`
 * starts again, Enter submits a code of at least four digits. Pure, so the kiosk only shows it.
 */
export function enterKey(code: string, key: KeypadKey): CodeStep {
  if (key === 'clear') return { kind: 'empty' };
  if (key === 'back') return code.length > 1 ? { kind: 'typing', code: code.slice(0, -1) } : { kind: 'empty' };
  if (key === 'enter') return code.length >= minLength ? { kind: 'submit', code } : code ? { kind: 'typing', code } : { kind: 'empty' };
  return { kind: 'typing', code: code.length < maxLength ? code + key : code };
}
