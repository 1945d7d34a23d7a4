/** One cell: quoted where needed; a leading = + - @ is defused, so a name cannot become a spreadsheet formula. */
export function csvCell(value: string | number | null): string {
  // Czech Excel reads a decimal comma.
  let text = value === null ? '' : typeof value === 'number' ? String(value).replace('.', ',') : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table for the office's spreadsheet: UTF-8 with a BOM (so Excel reads the Czech letters), `;` as Czech Excel expects. */
export function csvDocument(rows: (string | number | null)[][]): string {
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
