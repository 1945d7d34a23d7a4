/**
 * MAX7219 segment bytes in no-decode mode, bit 7 to 0: DP A B C D E F G. Digits and the letters
 * that read unambiguously on seven segments; anything else is blank. O would read as 0, Z as 2,
 * S as 5, B as 8, D as 0: an office should not give those letters to services (kostelec.ts).
 */
export const sevenSegment: Readonly<Record<string, number>> = {
  '0': 0x7e,
  '1': 0x30,
  '2': 0x6d,
  '3': 0x79,
  '4': 0x33,
  '5': 0x5b,
  '6': 0x5f,
  '7': 0x70,
  '8': 0x7f,
  '9': 0x7b,
  A: 0x77,
  C: 0x4e,
  E: 0x4f,
  F: 0x47,
  H: 0x37,
  J: 0x3c,
  L: 0x0e,
  P: 0x67,
  U: 0x3e,
  '-': 0x01, // segment G alone: the dash shown while the broker is away
  ' ': 0x00,
};

/** The segment byte of each of `length` positions, left to right. */
export function segmentsOf(text: string, length: number): number[] {
  return Array.from({ length }, (_, k) => sevenSegment[(text[k] ?? ' ').toUpperCase()] ?? 0x00);
}

/** The text a row of segment bytes reads as, for tests and the hardware check. */
export function textOfSegments(bytes: number[]): string {
  const byByte = new Map(Object.entries(sevenSegment).map(([ch, b]) => [b, ch] as const));
  return bytes.map((b) => byByte.get(b) ?? '?').join('');
}
