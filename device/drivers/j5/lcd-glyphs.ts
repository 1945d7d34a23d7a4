/**
 * The HD44780's character ROM (A00) has no Czech letters, and the controller holds eight glyphs of
 * our own at a time (CGRAM, 5 × 8 dots). So each screen gets the Czech letters it uses drawn into
 * CGRAM, the most frequent first; a ninth and later distinct letter falls back to its base letter
 * (č → c). The LCD alone does this: paper and the web always have full Czech.
 */
const bitmaps: Readonly<Record<string, number[]>> = {
  á: [0x02, 0x04, 0x0e, 0x01, 0x0f, 0x11, 0x0f, 0x00],
  é: [0x02, 0x04, 0x0e, 0x11, 0x1f, 0x10, 0x0e, 0x00],
  í: [0x02, 0x04, 0x00, 0x0c, 0x04, 0x04, 0x0e, 0x00],
  ó: [0x02, 0x04, 0x0e, 0x11, 0x11, 0x11, 0x0e, 0x00],
  ú: [0x02, 0x04, 0x11, 0x11, 0x11, 0x13, 0x0d, 0x00],
  ů: [0x04, 0x0a, 0x04, 0x11, 0x11, 0x13, 0x0d, 0x00],
  ý: [0x02, 0x04, 0x11, 0x11, 0x0f, 0x01, 0x0e, 0x00],
  č: [0x0a, 0x04, 0x0e, 0x10, 0x10, 0x11, 0x0e, 0x00],
  ď: [0x03, 0x01, 0x0d, 0x13, 0x11, 0x13, 0x0d, 0x00],
  ě: [0x0a, 0x04, 0x0e, 0x11, 0x1f, 0x10, 0x0e, 0x00],
  ň: [0x0a, 0x04, 0x16, 0x19, 0x11, 0x11, 0x11, 0x00],
  ř: [0x0a, 0x04, 0x16, 0x19, 0x10, 0x10, 0x10, 0x00],
  š: [0x0a, 0x04, 0x0e, 0x10, 0x0e, 0x01, 0x1e, 0x00],
  ť: [0x09, 0x09, 0x1c, 0x08, 0x08, 0x09, 0x06, 0x00],
  ž: [0x0a, 0x04, 0x1f, 0x02, 0x04, 0x08, 0x1f, 0x00],
  Č: [0x0a, 0x04, 0x0f, 0x10, 0x10, 0x10, 0x0f, 0x00],
  Ř: [0x0a, 0x04, 0x1e, 0x11, 0x1e, 0x14, 0x12, 0x00],
  Š: [0x0a, 0x04, 0x0f, 0x10, 0x0e, 0x01, 0x1e, 0x00],
  Ž: [0x0a, 0x04, 0x1f, 0x02, 0x04, 0x08, 0x1f, 0x00],
  Ú: [0x02, 0x04, 0x11, 0x11, 0x11, 0x11, 0x0e, 0x00],
};

/** Characters the ROM has under another code, or that need a stand-in. */
const substitutes: Readonly<Record<string, string>> = { '…': '.', '→': '\x7e', '–': '-' };

export interface LcdScreen {
  /** The glyphs to load: CGRAM slot 0-7 and its eight rows. */
  glyphs: { slot: number; char: string; rows: number[] }[];
  /** Each row as character codes for the controller, padded to the width. */
  rows: number[][];
}

const plain = (ch: string) => ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export function lcdScreen(lines: string[], rows: number, columns: number): LcdScreen {
  const text = Array.from({ length: rows }, (_, k) => [...(lines[k] ?? '')].slice(0, columns));
  const counts = new Map<string, number>();
  for (const ch of text.flat()) if (bitmaps[ch]) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const chosen = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([ch]) => ch);
  const slotOf = new Map(chosen.map((ch, slot) => [ch, slot]));
  const code = (ch: string): number => {
    const slot = slotOf.get(ch);
    if (slot !== undefined) return slot;
    const stand = substitutes[ch] ?? plain(ch);
    const c = stand.charCodeAt(0);
    return c >= 0x20 && c <= 0x7f ? c : 0x3f; // "?" for anything else outside ASCII
  };
  return {
    glyphs: chosen.map((char, slot) => ({ slot, char, rows: bitmaps[char]! })),
    rows: text.map((chars) => [...chars.map(code), ...Array(columns - chars.length).fill(0x20)]),
  };
}

/** Reads LCD memory back as text, drawing CGRAM glyphs as the letters they were made from (for tests and checks). */
export function readLcd(rows: number[][], cgram: number[][]): string[] {
  const glyphOf = (slot: number) => Object.entries(bitmaps).find(([, b]) => b.every((v, k) => v === cgram[slot]?.[k]))?.[0] ?? '?';
  return rows.map((codes) =>
    codes
      .map((c) => (c < 8 ? glyphOf(c) : c === 0x7e ? '→' : String.fromCharCode(c)))
      .join('')
      .trimEnd(),
  );
}
