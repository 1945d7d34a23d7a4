import type { ComponentChildren } from 'preact';
import type { DecodedReceipt, PrintedLine } from '../../../shared/escpos/decode.ts';
import { QrCode } from './qr-code.tsx';

/** One line as the printer sets it: its alignment, bold, and character size (width × height). */
function Line({ line }: { line: PrintedLine }) {
  const { align, bold, width, height, text } = line;
  // Characters of width w and height h: the font at height h, squeezed or stretched sideways by w/h.
  const glyphs = {
    fontSize: `${height}em`,
    transform: width === height ? undefined : `scaleX(${width / height})`,
    transformOrigin: align === 'center' ? 'center' : align,
    // Unscaled, a squeezed line is wider than it prints: it must not wrap on that account.
    whiteSpace: width < height ? 'pre' : undefined,
  };
  return (
    <p style={{ textAlign: align, fontWeight: bold ? 'bold' : 'normal' }}>
      <span style={glyphs}>{text || '\u00a0'}</span>
    </p>
  );
}

/**
 * A ticket drawn from what the decoder read back out of the ESC/POS bytes (shared/escpos/decode.ts),
 * not from the ticket data: if the bytes are wrong, the drawing is wrong too.
 */
export function TicketPaper({ receipt, label, qrLabel }: { receipt: DecodedReceipt; label: string; qrLabel: string }) {
  const { lines, qrCodes, qrAt } = receipt;
  const items: ComponentChildren[] = [];
  for (let k = 0; k <= lines.length; k++) {
    qrCodes.forEach((data, q) => {
      if (Math.min(qrAt[q]!, lines.length) === k) items.push(<QrCode key={`qr${q}`} data={data} label={`${qrLabel}: ${data}`} />);
    });
    if (k < lines.length) items.push(<Line key={k} line={lines[k]!} />);
  }
  return (
    <figure class="paper" aria-label={label}>
      {items}
      {receipt.cuts > 0 ? <hr class="cut" /> : null}
    </figure>
  );
}
