import type { Table } from './annual-table';

/**
 * CSV as Excel in Sweden opens it: UTF-8 with BOM, semicolons, CRLF. Cells that a spreadsheet would
 * read as a formula get a leading apostrophe (CSV injection).
 */
export function toCsv(table: Table): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [table.headers, ...table.rows].map((r) => r.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
