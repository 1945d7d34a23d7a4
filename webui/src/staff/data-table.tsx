import type { ComponentChildren } from 'preact';

export interface Column<R> {
  heading: ComponentChildren;
  cell: (row: R) => ComponentChildren;
  /** On the column's heading and each of its cells (`no-print`, say). */
  class?: string;
}

interface DataTableProps<R> {
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The first column heads its row: a screen reader names the row with each value. */
  columns: readonly [Column<R>, ...Column<R>[]];
  caption?: ComponentChildren;
  class?: string;
  rowClass?: (row: R) => string | undefined;
}

/** Every table of the staff pages: column headings, then one row per item led by its own heading cell. */
export function DataTable<R>({ rows, rowKey, columns, caption, class: extra, rowClass }: DataTableProps<R>) {
  const [lead, ...rest] = columns;
  return (
    <table class={extra ? `data ${extra}` : 'data'}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c, k) => (
            <th scope="col" key={k} class={c.class}>
              {c.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} class={rowClass?.(row)}>
            <th scope="row" class={lead.class}>
              {lead.cell(row)}
            </th>
            {rest.map((c, k) => (
              <td key={k} class={c.class}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
