/** A keyboard boot-protocol report: modifier bits and up to six usages of keys held down. */
export interface BootReport {
  modifiers: number;
  keys: number[];
}

/** 0x01 in every key slot: ErrorRollOver, more keys held than the report can carry (HID 1.11, App. C). */
const rollOver = 0x01;

/**
 * Parses a boot report: 8 bytes `[modifiers, reserved, k1..k6]`, or 9 when hidraw hands over a
 * leading report id. Returns 'rollover' for the phantom state, undefined for anything else.
 */
export function parseBootReport(bytes: Uint8Array): BootReport | 'rollover' | undefined {
  const report = bytes.length === 9 ? bytes.subarray(1) : bytes;
  if (report.length !== 8) return undefined;
  const slots = [...report.subarray(2)];
  if (slots.every((k) => k === rollOver)) return 'rollover';
  return { modifiers: report[0]!, keys: slots.filter((k) => k !== 0) };
}
