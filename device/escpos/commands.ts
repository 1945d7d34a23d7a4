// Buffers, not Uint8Arrays: escpos's MutableBuffer writes anything else as its string form.

/**
 * The ESC/POS commands escpos 2.x does not emit (docs/HARDWARE.md): code page selection
 * and Epson's QR function. Byte for byte as the Epson ESC/POS reference gives them.
 */
export const codePages = {
  /** ESC t 18: PC852 (Latin 2), the same number on Epson and nearly every clone. */
  pc852: { escT: 18, iconv: 'cp852' },
} as const;
export type CodePageName = keyof typeof codePages;

export function selectCodePage(name: CodePageName): Buffer {
  return Buffer.of(0x1b, 0x74, codePages[name].escT); // ESC t n
}

/** GS ( k pL pH cn fn [params]: one call of the 2D-code function, cn 49 = QR. */
function qrFunction(fn: number, params: Uint8Array): Uint8Array {
  const length = params.length + 2;
  return Uint8Array.of(0x1d, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn, ...params);
}

/** Model 2, module size, error correction M, store the data, print it. */
export function qrCode(data: string, moduleSize = 6): Buffer {
  const bytes = new TextEncoder().encode(data);
  const parts = [
    qrFunction(0x41, Uint8Array.of(0x32, 0x00)), // fn 165: model 2
    qrFunction(0x43, Uint8Array.of(moduleSize)), // fn 167: module size in dots
    qrFunction(0x45, Uint8Array.of(0x31)), // fn 169: error correction level M
    qrFunction(0x50, Uint8Array.of(0x30, ...bytes)), // fn 180: store data (m = 48)
    qrFunction(0x51, Uint8Array.of(0x30)), // fn 181: print stored symbol
  ];
  return Buffer.concat(parts);
}

export const boldOn = Buffer.of(0x1b, 0x45, 0x01); // ESC E 1
export const boldOff = Buffer.of(0x1b, 0x45, 0x00); // ESC E 0
