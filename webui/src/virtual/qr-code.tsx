import qrcode from 'qrcode-generator';

/**
 * A QR code as the printer draws it from the stored data (model 2, error correction M, as
 * device/escpos/commands.ts asks for), in SVG: a phone can read it off the screen.
 */
export function QrCode({ data, label }: { data: string; label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(data, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const quiet = 2;
  let path = '';
  for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) if (qr.isDark(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  return (
    <svg class="qr" role="img" aria-label={label} viewBox={`0 0 ${size + 2 * quiet} ${size + 2 * quiet}`} shape-rendering="crispEdges">
      <rect width="100%" height="100%" fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
