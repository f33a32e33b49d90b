import ExcelJS from 'exceljs';
import type { Table } from './annual-table';

/** An XLSX workbook with one sheet: bold frozen header, filters, readable column widths. */
export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Omtanke Halland';
  wb.title = table.title;
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...table.headers]);
  // Values are written as plain strings, never as formulas, whatever they start with.
  for (const r of table.rows) ws.addRow([...r]);
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  ws.columns.forEach((col, n) => {
    const longest = Math.max(
      table.headers[n]?.length ?? 10,
      ...table.rows.map((r) => Math.min(60, (r[n] ?? '').length)),
    );
    col.width = Math.max(10, longest + 2);
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
