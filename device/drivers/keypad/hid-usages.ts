import type { KeypadKey } from '../interfaces.ts';

/**
 * HID keyboard usages (HID Usage Tables, page 0x07) of a USB numeric keypad, and what each means
 * at the kiosk. The keys to correct and to clear are the ones printed for it on common keypads:
 * "←"/Backspace and "Del" (the "." key with Num Lock off) correct one digit; Esc and "-" clear.
 * Keys not listed (Num Lock, /, *, +) do nothing.
 */
export const keypadUsages: Readonly<Record<number, KeypadKey | readonly KeypadKey[]>> = {
  0x59: '1',
  0x5a: '2',
  0x5b: '3',
  0x5c: '4',
  0x5d: '5',
  0x5e: '6',
  0x5f: '7',
  0x60: '8',
  0x61: '9',
  0x62: '0', // also what most "00" keys send, twice
  0xb0: ['0', '0'], // Keypad 00, sent by the "00" key of some keypads as one usage
  0xb1: ['0', '0', '0'], // Keypad 000
  0x58: 'enter', // keypad Enter
  0x28: 'enter', // main Enter, sent by some keypads
  0x2a: 'back', // Backspace
  0x63: 'back', // keypad . / Del
  0x4c: 'back', // Delete, sent by some keypads for Del
  0x29: 'clear', // Escape
  0x56: 'clear', // keypad -
  // Digits from the main row, sent by keypads that pretend to be a full keyboard.
  0x1e: '1',
  0x1f: '2',
  0x20: '3',
  0x21: '4',
  0x22: '5',
  0x23: '6',
  0x24: '7',
  0x25: '8',
  0x26: '9',
  0x27: '0',
};
