import { upperHalves } from './code-pages.ts';

export interface PrintedLine {
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  width: number;
  height: number;
}
/** `qrAt[k]`: how many lines were printed before QR code k, so that a drawing puts it in its place. */
export interface DecodedReceipt {
  lines: PrintedLine[];
  qrCodes: string[];
  qrAt: number[];
  cuts: number;
  codePage: number;
}

const upperChars = new Map(Object.entries(upperHalves).map(([page, chars]) => [Number(page), [...chars]]));
const decodeText = (bytes: number[], codePage: number) => {
  const upper = upperChars.get(codePage)!;
  return bytes.map((b) => (b < 0x80 ? String.fromCharCode(b) : upper[b - 0x80]!)).join('');
};
const alignments = ['left', 'center', 'right'] as const;

/**
 * Reads back the ESC/POS commands Fronta emits, as a printer would: text in the selected code page,
 * size, bold, alignment, QR data and cuts. Anything else is an error, so tests notice stray bytes.
 */
export function decodeEscpos(bytes: Uint8Array): DecodedReceipt {
  const out: DecodedReceipt = { lines: [], qrCodes: [], qrAt: [], cuts: 0, codePage: 0 };
  let style = { align: 'left' as PrintedLine['align'], bold: false, width: 1, height: 1 };
  let pending: number[] = [];
  let lineStyle = style;
  const reset = () => {
    style = { align: 'left', bold: false, width: 1, height: 1 };
    out.codePage = 0;
  };
  const endLine = () => {
    out.lines.push({ text: decodeText(pending, out.codePage), ...lineStyle });
    pending = [];
  };
  const at = (k: number) => {
    if (k >= bytes.length) throw new Error(`truncated command at byte ${k}`);
    return bytes[k]!;
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      endLine();
      i += 1;
      continue;
    }
    if (b === 0x1b) {
      const cmd = at(i + 1);
      if (cmd === 0x40) {
        reset();
        i += 2;
        continue;
      } // ESC @
      const n = at(i + 2);
      if (cmd === 0x74) {
        out.codePage = n;
        if (!upperChars.has(n)) throw new Error(`unknown code page ${n}`);
      } // ESC t n
      else if (cmd === 0x61)
        style = { ...style, align: alignments[n % 48] ?? 'left' }; // ESC a n
      else if (cmd === 0x45)
        style = { ...style, bold: (n & 1) === 1 }; // ESC E n
      else if (cmd === 0x21)
        style = { ...style, width: n & 0x20 ? 2 : 1, height: n & 0x10 ? 2 : 1 }; // ESC ! n
      else if (cmd === 0x64) {
        for (let k = 0; k < n; k++) endLine();
      } // ESC d n
      else throw new Error(`unsupported command ESC 0x${cmd.toString(16)} at byte ${i}`);
      i += 3;
      continue;
    }
    if (b === 0x1d) {
      const cmd = at(i + 1);
      if (cmd === 0x21) {
        const n = at(i + 2);
        style = { ...style, width: (n >> 4) + 1, height: (n & 0x0f) + 1 };
        i += 3;
        continue;
      } // GS ! n
      if (cmd === 0x56) {
        const m = at(i + 2);
        out.cuts += 1;
        i += m === 65 || m === 66 ? 4 : 3;
        continue;
      } // GS V m [n]
      if (cmd === 0x28 && at(i + 2) === 0x6b) {
        // GS ( k pL pH cn fn ...
        const length = at(i + 3) + 256 * at(i + 4);
        const fn = at(i + 6);
        if (at(i + 5) === 0x31 && fn === 0x50) {
          out.qrCodes.push(new TextDecoder().decode(bytes.subarray(i + 8, i + 5 + length)));
          out.qrAt.push(out.lines.length);
        }
        i += 5 + length;
        continue;
      }
      throw new Error(`unsupported command GS 0x${cmd.toString(16)} at byte ${i}`);
    }
    if (b < 0x20) throw new Error(`unexpected control byte 0x${b.toString(16)} at byte ${i}`);
    if (pending.length === 0) lineStyle = style;
    pending.push(b);
    i += 1;
  }
  if (pending.length > 0) endLine();
  return out;
}

/** The receipt as plain text, roughly as it looks on 32-column paper: for the command line and logs. */
export function receiptText(receipt: DecodedReceipt, columns = 32): string {
  const rows = receipt.lines.map((l) => {
    const text = l.width > 1 ? [...l.text].join(' '.repeat(Math.min(l.width - 1, 1))) : l.text;
    const pad = Math.max(0, columns - text.length);
    return l.align === 'center' ? ' '.repeat(Math.floor(pad / 2)) + text : l.align === 'right' ? ' '.repeat(pad) + text : text;
  });
  for (const qr of receipt.qrCodes) rows.push(`[QR ${qr}]`);
  if (receipt.cuts) rows.push(`${'-'.repeat(columns)} ✂`);
  return rows.join('\n');
}
