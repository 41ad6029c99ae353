import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import JSZip from 'jszip';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a DOCX looks like once LibreOffice has laid it out. */
export interface RenderCheck {
  pdf: string;
  pngs: string[];
  /** Every font embedded in the PDF, subset prefix removed ("LiberationSerif-Bold"). */
  fonts: string[];
  /** The fonts that are neither Times New Roman nor Liberation Serif (empty when the check passes). */
  fallbackFonts: string[];
  /** Numbers broken across two lines in the PDF ("1,⏎4"; empty when the check passes). */
  numberBreaks: string[];
}

export interface RenderCheckOptions {
  /** Pages to draw as PNG; 1–2 by default. */
  firstPage?: number;
  lastPage?: number;
  /** PNG resolution; 60 dpi by default (enough to judge the layout). */
  dpi?: number;
}

/** A failed check; `result` is set when the document rendered but with the wrong fonts. */
export class RenderCheckError extends Error {
  constructor(
    message: string,
    readonly result: RenderCheck | null = null,
  ) {
    super(message);
    this.name = 'RenderCheckError';
  }
}

/**
 * Times New Roman, or Liberation Serif (metric-compatible, what Debian resolves it to), in any weight and
 * style. Anything else in the PDF means a glyph fell back to another font, typically DejaVu for Vietnamese
 * letters that an old Liberation (fonts-liberation 1.x) lacks.
 */
export function isExpectedFont(name: string): boolean {
  return (
    /^LiberationSerif(-(Bold|Italic|BoldItalic))?$/.test(name) ||
    /^TimesNewRoman(PS)?(-?(Bold|Italic|BoldItalic))?(MT)?$/.test(name) ||
    /^Times New Roman( (Bold|Italic|Bold Italic))?$/.test(name)
  );
}

/** Font names from `pdffonts` output, without the "ABCDEF+" subset prefix, each once. */
export function parsePdfFonts(output: string): string[] {
  const lines = output.split('\n');
  const rule = lines.findIndex((l) => /^-{5,}/.test(l));
  const names = lines
    .slice(rule + 1)
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((n) => n.length > 0)
    .map((n) => n.replace(/^[A-Z]{6}\+/, ''));
  return [...new Set(names)];
}

async function tool(command: string, args: string[], what: string, timeout: number): Promise<string> {
  try {
    const { stdout } = await run(command, args, { timeout, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string; killed?: boolean };
    if (e.code === 'ENOENT') {
      throw new RenderCheckError(
        `${what}: ${command} is not installed (apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2)`,
      );
    }
    const detail = e.killed ? `timed out after ${timeout / 1000} s` : (e.stderr ?? e.message).trim();
    throw new RenderCheckError(`${what} failed: ${detail}`);
  }
}

/** LibreOffice would open a missing or non-DOCX file as something else (or nothing) without failing. */
async function assertDocx(file: string): Promise<void> {
  let head: Buffer;
  try {
    const handle = await fs.open(file, 'r');
    try {
      head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new RenderCheckError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  if (!head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new RenderCheckError(`${file} is not a DOCX file (no ZIP signature)`);
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of a DOCX body, a line per paragraph (the document's own words, to compare the PDF with). */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!);
}

/** A number as documents write it: sign, digits with "." and "," inside, an optional "%" ("−1.234,5%"). */
const NUMBER_TOKEN = /[−-]?\d(?:[\d.,]*\d)?%?/g;

/**
 * Line breaks that fall inside a number: the end of one line and the start of the next join into a number the
 * document's own text holds ("1," + "4" where the text says "1,4"; "−" + "3,2"). A break after "2024," in
 * "2024, 2025" joins into "2024,2025", which the text does not hold, so it is not one.
 */
export function numbersSplitAcrossLines(sourceText: string, pdfText: string): string[] {
  const numbers = new Set(sourceText.match(NUMBER_TOKEN) ?? []);
  const lines = pdfText.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const tail = /[−-]?[\d.,]*$/.exec(lines[i]!.trimEnd())![0];
    const head = /^[\d.,%]+/.exec(lines[i + 1]!.trimStart())?.[0] ?? '';
    if (tail === '' || head === '') continue;
    const joined = (tail + head).replace(/[.,]+$/, '');
    if (numbers.has(joined)) out.push(`${tail}⏎${head}`);
  }
  return out;
}

/**
 * Converts a DOCX to PDF with LibreOffice, lists the embedded fonts and draws the first pages as PNG.
 * Throws when a conversion fails or when a font other than Times New Roman / Liberation Serif is embedded.
 */
export async function checkDocxRendering(
  docxPath: string,
  outDir: string,
  options: RenderCheckOptions = {},
): Promise<RenderCheck> {
  const { firstPage = 1, lastPage = 2, dpi = 60 } = options;
  await assertDocx(docxPath);
  await fs.mkdir(outDir, { recursive: true });
  const base = path.basename(docxPath).replace(/\.docx$/i, '');
  const pdf = path.join(outDir, `${base}.pdf`);
  await fs.rm(pdf, { force: true });

  // A throwaway profile per run: LibreOffice refuses to start twice on one profile, so parallel runs clash.
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'binhdang-soffice-'));
  let sofficeOutput: string;
  try {
    sofficeOutput = await tool(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docxPath,
      ],
      'DOCX → PDF conversion (soffice)',
      120_000,
    );
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  try {
    await fs.access(pdf);
  } catch {
    throw new RenderCheckError(
      `DOCX → PDF conversion (soffice) produced no PDF for ${docxPath}: ${sofficeOutput.trim() || 'no output'}`,
    );
  }

  const fonts = parsePdfFonts(await tool('pdffonts', [pdf], 'Listing PDF fonts (pdffonts)', 30_000));
  const prefix = path.join(outDir, base);
  const isPageImage = (f: string) => f.startsWith(`${base}-`) && /^-\d+\.png$/.test(f.slice(base.length));
  // Images of an earlier, longer run would otherwise be reported as pages of this one.
  for (const f of (await fs.readdir(outDir)).filter(isPageImage)) await fs.rm(path.join(outDir, f));
  await tool(
    'pdftoppm',
    ['-png', '-r', String(dpi), '-f', String(firstPage), '-l', String(lastPage), pdf, prefix],
    'PDF → PNG (pdftoppm)',
    60_000,
  );
  // pdftoppm pads page numbers to the page count's width: base-1.png or base-01.png.
  const pngs = (await fs.readdir(outDir))
    .filter(isPageImage)
    .map((f) => ({ f, page: Number(/-(\d+)\.png$/.exec(f)![1]) }))
    .filter(({ page }) => page >= firstPage && page <= lastPage)
    .sort((a, b) => a.page - b.page)
    .map(({ f }) => path.join(outDir, f));
  if (pngs.length === 0) throw new RenderCheckError(`PDF → PNG (pdftoppm) produced no image for ${pdf}`);

  const fallbackFonts = fonts.filter((f) => !isExpectedFont(f));
  if (fonts.length === 0) throw new RenderCheckError(`${pdf} embeds no font; the text did not render`);
  if (fallbackFonts.length > 0) {
    throw new RenderCheckError(
      `${pdf} embeds fallback fonts ${fallbackFonts.join(', ')} besides Times New Roman / Liberation Serif: ` +
        'some letters are missing from the serif font (install fonts-liberation2) or a run names another font',
      { pdf, pngs, fonts, fallbackFonts, numberBreaks: [] },
    );
  }
  const sourceText = await docxText(docxPath);
  const pdfText = await tool('pdftotext', ['-enc', 'UTF-8', pdf, '-'], 'PDF → text (pdftotext)', 30_000);
  const numberBreaks = numbersSplitAcrossLines(sourceText, pdfText);
  if (numberBreaks.length > 0) {
    throw new RenderCheckError(
      `${pdf} breaks ${numberBreaks.length} number(s) across lines: ${numberBreaks.slice(0, 5).join(', ')}`,
      { pdf, pngs, fonts, fallbackFonts, numberBreaks },
    );
  }
  return { pdf, pngs, fonts, fallbackFonts, numberBreaks };
}
