import type { OperationsFigure } from "@portico/contracts";

/**
 * A figure as CSV (RFC 4180): a header of the column keys, one line per row, then the total
 * when there is one. Text that a spreadsheet would take for a formula (= + - @, tab, return)
 * is prefixed with an apostrophe.
 */
export function figureCsv(figure: OperationsFigure): string {
  const keys = figure.columns.map((c) => c.key);
  const lines = [keys.map(cell).join(",")];
  for (const row of [...figure.rows, ...(figure.total ? [figure.total] : [])]) {
    lines.push(keys.map((k) => cell(row[k] ?? null)).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
