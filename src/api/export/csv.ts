import type { Table } from './annual-table';

/** A cell a spreadsheet would run as a formula (or DDE) starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Either list-separator convention (Swedish Excel ';', English ',') could split an unquoted cell. */
const NEEDS_QUOTES = /[;,"\r\n]/;

/**
 * CSV as Excel in Sweden opens it: UTF-8 with BOM, semicolons, CRLF. A cell is quoted when it holds
 * a separator of either convention, a quote or a line break, so it stays one cell whichever way the
 * file is opened; a cell that a spreadsheet would read as a formula gets a leading apostrophe (CSV
 * injection), and so stays the text that was typed.
 */
export function toCsv(table: Table): string {
  const cell = (value: string) => {
    const safe = FORMULA_START.test(value) ? `'${value}` : value;
    return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [table.headers, ...table.rows].map((r) => r.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
