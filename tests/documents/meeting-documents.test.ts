/**
 * The minutes and the extracts as documents: text read back with poppler's pdftotext, the DOCX
 * unzipped and its headings read, and the first page rendered with pdftoppm into test-artifacts/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { decideItem } from '../../src/app/use-cases/meetings/decide-item';
import { declareItemJav } from '../../src/app/use-cases/meetings/declare-jav';
import { approveMinutes, sendForJustering } from '../../src/app/use-cases/meetings/justering';
import { minutesOf } from '../../src/app/use-cases/meetings/minutes-query';
import { extractPdf } from '../../src/documents/extract-pdf';
import { minutesDocx } from '../../src/documents/minutes-docx';
import { minutesPdf } from '../../src/documents/minutes-pdf';
import { bifall, meetingWorld } from '../app/meetings/meeting-kit';

const work = mkdtempSync(join(tmpdir(), 'omtanke-docs-'));
const artifacts = join(__dirname, '..', '..', 'test-artifacts');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function screenshot(pdf: Buffer, name: string): void {
  mkdirSync(artifacts, { recursive: true });
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    join(artifacts, name),
  ]);
}

describe('minutes and protokollsutdrag as documents', () => {
  let w: ReturnType<typeof meetingWorld>;
  let meetingId: string;

  beforeAll(async () => {
    w = meetingWorld();
    await w.readyInitiative('Trygg hemgång för äldre i Höör');
    await w.readyInitiative('Nutrition och måltider i hemmet');
    const meeting = await w.heldMeeting();
    meetingId = meeting.id;
    await declareItemJav(w.deps, w.people.per, meeting.id, meeting.agenda[1]!.id);
    for (const item of meeting.agenda) await decideItem(w.deps, w.people.karin, meeting.id, item.id, bifall);
  });
  afterAll(() => w.deps.store.close());

  it('the draft minutes PDF holds the header, each § with its sections, and says "Ej justerat"', async () => {
    const { minutes } = await minutesOf(w.deps, meetingId);
    const text = pdfText(await minutesPdf(minutes), 'draft');
    for (const expected of [
      'Regional utvecklingsgrupp för god och nära vård (RUG)',
      'Protokoll 2026-04-15',
      'Plats: Regionens hus, Halmstad',
      'Närvarande: Karin Lund, Johan Berg, Per Nilsson, Maria Ek',
      'Ordförande: Karin Lund',
      'Sekreterare: Johan Berg',
      'Justerare: Maria Ek',
      '§ 1 Trygg hemgång för äldre i Höör',
      '§ 2 Nutrition och måltider i hemmet',
      'Förslag till beslut',
      'Beslutsunderlag',
      'Expedieras till',
      'Per Nilsson anmäler jäv och deltar inte i beslutet.',
      'RUG beslutar att bifalla initiativet.',
      'Ej justerat',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Paragrafen är justerad');
    expect(text.indexOf('§ 1 ')).toBeLessThan(text.indexOf('§ 2 '));
  });

  it('after justering the minutes and each extract say "Paragrafen är justerad"', async () => {
    await sendForJustering(w.deps, w.people.johan, meetingId);
    await approveMinutes(w.deps, w.people.karin, meetingId);
    await approveMinutes(w.deps, w.people.maria, meetingId);
    const { minutes } = await minutesOf(w.deps, meetingId);
    const full = await minutesPdf(minutes);
    expect(pdfText(full, 'justered')).toContain('Paragrafen är justerad');
    screenshot(full, 'meeting-minutes-page1');
    const extract = await extractPdf(minutes, minutes.paragraphs[0]!);
    const text = pdfText(extract, 'extract');
    screenshot(extract, 'meeting-extract-page1');
    const order = [
      'Protokollsutdrag',
      '§ 1 Trygg hemgång för äldre i Höör',
      'Beslut',
      'Ärendet',
      'Förslag till beslut',
      'Beslutsunderlag',
      'Expedieras till',
      'Ordförandes sign',
      'Paragrafen är justerad',
    ].map((s) => text.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toMatch(/Ordförandes sign\s+Justerares sign\s+Utdragsbestyrkande/);
    expect(text).toContain('Anna Andersson (initiativtagare)');
    expect(text).not.toContain('§ 2');
  });

  it('the PDF is tagged, in Swedish, with the DejaVu font embedded', async () => {
    const { minutes } = await minutesOf(w.deps, meetingId);
    const file = join(work, 'info.pdf');
    writeFileSync(file, await minutesPdf(minutes));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it('the DOCX opens and has real headings: Heading1 for the minutes, Heading2 per §, Heading3 per section', async () => {
    const { minutes } = await minutesOf(w.deps, meetingId);
    const zip = await JSZip.loadAsync(await minutesDocx(minutes));
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
      const inner = m[1] ?? m[2] ?? '';
      const style = /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? '';
      const text = [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
      return { style, text };
    });
    const headings = paragraphs.filter((p) => /^Heading\d$/.test(p.style));
    expect(headings.slice(0, 3)).toEqual([
      { style: 'Heading1', text: 'Protokoll 2026-04-15' },
      { style: 'Heading2', text: expect.stringMatching(/^§ 1 Trygg hemgång för äldre i Höör/) },
      { style: 'Heading3', text: 'Beslut' },
    ]);
    expect(headings.filter((h) => h.style === 'Heading2').map((h) => h.text.slice(0, 3))).toEqual([
      '§ 1',
      '§ 2',
      'Jus',
    ]);
    expect(paragraphs.some((p) => p.text.includes('Paragrafen är justerad'))).toBe(true);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:styleId="Heading1"');
  });
});
