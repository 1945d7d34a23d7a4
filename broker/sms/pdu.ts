/**
 * SMS in PDU mode (3GPP TS 23.040), which every GSM modem takes: text mode would pass Czech letters
 * through the modem's character set, and most turn "ř" into "?". Every message goes as UCS-2 (70
 * letters in one SMS, 67 in each part of a longer one, joined by the phone through the
 * concatenation header), and asks for a status report, which arrives as +CDS (gsm-modem.ts).
 */

/** One SMS-SUBMIT: the hex for AT+CMGS, and the length AT+CMGS is given (without the SMSC octet). */
export interface SubmitPdu {
  hex: string;
  length: number;
}

const singleUnits = 70;
const partUnits = 67;
/** Relative validity 24 hours (TP-VP 167): a message the network could not deliver in a day is late anyway. */
const validity24h = 0xa7;

const hex = (bytes: number[]): string =>
  bytes
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

/** The destination: its digit count, type 0x91 (international), the digits as swapped nibbles with F padding. */
function address(e164: string): number[] {
  const digits = e164.replace(/^\+/, '');
  const padded = digits.length % 2 ? `${digits}F` : digits;
  const octets: number[] = [];
  for (let k = 0; k < padded.length; k += 2) octets.push(Number.parseInt(`${padded[k + 1]}${padded[k]}`, 16));
  return [digits.length, 0x91, ...octets];
}

/** The text in parts of at most `size` UTF-16 units, never splitting a surrogate pair. */
function split(text: string, size: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

const ucs2 = (text: string): number[] =>
  [...text].flatMap((ch) => {
    const units: number[] = [];
    for (let k = 0; k < ch.length; k++) units.push(ch.charCodeAt(k) >> 8, ch.charCodeAt(k) & 0xff);
    return units;
  });

/**
 * The PDUs of one message to `e164`; `reference` (0–255) ties the parts of a long one together
 * and must differ between long messages to the same phone sent close together.
 */
export function submitPdus(e164: string, text: string, reference: number): SubmitPdu[] {
  const parts = text.length <= singleUnits ? [text] : split(text, partUnits);
  return parts.map((part, k) => {
    const header = parts.length > 1 ? [0x05, 0x00, 0x03, reference & 0xff, parts.length, k + 1] : [];
    const data = [...header, ...ucs2(part)];
    // MTI submit, VPF relative, status report requested; UDHI when the parts carry a header.
    const first = 0x01 | 0x10 | 0x20 | (header.length ? 0x40 : 0);
    const tpdu = [first, 0x00, ...address(e164), 0x00, 0x08, validity24h, data.length, ...data];
    // The leading 00: the SMS centre stored on the SIM.
    return { hex: `00${hex(tpdu)}`, length: tpdu.length };
  });
}

/** What a status report says of one part: its TP-MR (the number +CMGS answered) and whether it reached the phone. */
export interface StatusReport {
  reference: number;
  /** TP-ST below 0x20: the transaction completed (0x00 delivered); from 0x40 a permanent error; 0x20–0x3F still trying. */
  outcome: 'delivered' | 'failed' | 'pending';
  status: number;
}

/** An SMS-STATUS-REPORT as +CDS gives it in PDU mode (SMSC address first); null for anything else. */
export function parseStatusReport(text: string): StatusReport | null {
  if (!/^(?:[0-9A-Fa-f]{2})+$/.test(text)) return null;
  const bytes = Buffer.from(text, 'hex');
  let at = 1 + bytes[0]!;
  const first = bytes[at++];
  if (first === undefined || (first & 0x03) !== 0x02) return null;
  const reference = bytes[at++]!;
  const digits = bytes[at++]!;
  at += 1 + Math.ceil(digits / 2) + 7 + 7;
  const status = bytes[at];
  if (status === undefined) return null;
  return { reference, status, outcome: status < 0x20 ? 'delivered' : status < 0x40 ? 'pending' : 'failed' };
}
