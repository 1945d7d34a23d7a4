import type { PaperStatus } from '../interfaces.ts';

/** DLE EOT 4: transmit the roll paper sensor status in real time (Epson ESC/POS). */
export const paperStatusRequest = Uint8Array.of(0x10, 0x04, 0x04);

/**
 * The one status byte DLE EOT 4 answers: bits 1 and 4 are always set (0x12); bits 2-3 say the
 * roll is near its end, bits 5-6 that it is out. So 0x12 fine, 0x1E near end, 0x72 out.
 * Near-end needs a sensor many 58 mm printers lack: they answer 0x12 until the paper is out.
 */
export function parsePaperStatus(byte: number): PaperStatus | undefined {
  if ((byte & 0x93) !== 0x12) return undefined; // not a DLE EOT 4 answer
  if (byte & 0x60) return 'paperOut';
  if (byte & 0x0c) return 'paperLow';
  return 'ok';
}
