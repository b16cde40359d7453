import type { ReactNode } from "react";

export interface Column<T> {
  /** the header, also the label each cell shows when the table stacks on a phone */
  label: string;
  /** the cell's content; leave out when the table draws whole rows (`row`) */
  cell?: (item: T) => ReactNode;
  className?: string;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  items: T[];
  rowKey: (item: T) => string;
  /** a whole row drawn by the caller (rows with their own actions and dialogs); cells use `Cell` */
  row?: (item: T) => ReactNode;
}

/** A captioned table that stacks into labelled cards on small screens. */
export function DataTable<T>({ caption, columns, items, rowKey, row }: DataTableProps<T>) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.label}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) =>
            row ? (
              row(item)
            ) : (
              <tr key={rowKey(item)}>
                {columns.map((c) => (
                  <Cell key={c.label} label={c.label} className={c.className}>
                    {c.cell?.(item)}
                  </Cell>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** One cell, labelled for the stacked (phone) layout. */
export function Cell({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <td data-label={label} className={className}>
      {children}
    </td>
  );
}
