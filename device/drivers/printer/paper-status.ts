import type { PaperStatus } from '../interfaces.ts';

/** DLE EOT 4: transmit the roll paper sensor status in real time (Epson ESC/POS). */
export const paperStatusRequest = Uint8Array.of(0x10, 0x04, 0x04);

/** GS a 8: automatic status back of the roll paper sensor, sent at once and at every change. */
export const automaticStatusOn = Uint8Array.of(0x1d, 0x61, 0x08);

/**
 * The one status byte DLE EOT 4 answers: bits 1 and 4 are always set (0x12); bits 2-3 say the
 * roll is near its end, bits 5-6 that it is out. So 0x12 fine, 0x1E near end, 0x72 out.
 * Near-end needs a sensor many 58 mm printers lack: they answer 0x12 until the paper is out.
 */
export function parsePaperStatus(byte: number): PaperStatus | undefined {
  if (!isStatusAnswer(byte)) return undefined;
  if (byte & 0x60) return 'paperOut';
  if (byte & 0x0c) return 'paperLow';
  return 'ok';
}

/** The fixed bits of a DLE EOT answer (0xx1xx10); no byte of an automatic status has them. */
export function isStatusAnswer(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/**
 * Automatic status back, read from the bytes nobody asked for: four bytes, the first 0xx1xx00,
 * the other three 0xx0xxxx (XON and XOFF may come between). The third holds the roll sensor:
 * bits 0-1 near end, bits 2-3 paper out. Anything else is skipped.
 */
export class AutomaticStatusReader {
  private frame: number[] = [];

  constructor(private readonly told: (status: PaperStatus) => void) {}

  push(byte: number): void {
    if (byte === 0x11 || byte === 0x13) return; // XON, XOFF
    if ((byte & 0x93) === 0x10) this.frame = [byte];
    else if (this.frame.length > 0 && (byte & 0x90) === 0) this.frame.push(byte);
    else this.frame = [];
    if (this.frame.length < 4) return;
    const sensor = this.frame[2]!;
    this.frame = [];
    this.told(sensor & 0x0c ? 'paperOut' : sensor & 0x03 ? 'paperLow' : 'ok');
  }
}
