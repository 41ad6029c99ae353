import JSZip from 'jszip';
import { beforeAll } from 'vitest';

/** The parts of a generated DOCX package the tests read. */
export interface DocxPackage {
  document: string;
  styles: string;
  /** Every part under word/ by its name in the package. */
  parts: Record<string, string>;
}

/** Opens DOCX bytes as their XML parts; a missing main part fails loudly. */
export async function openDocx(bytes: Uint8Array | Buffer): Promise<DocxPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the package`);
    return file.async('string');
  };
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.startsWith('word/')) parts[name] = await read(name);
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), parts };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The visible text of an XML fragment: its w:t runs joined, non-breaking spaces read as spaces. */
export const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => decode(m[1]!))
    .join('')
    .replace(/\u00A0/g, ' ');

/** Elements of a kind (w:tbl, w:tr, w:tc, w:p, w:r) in document order; the generated tables are never nested. */
export const elements = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}>.*?</${tag}>`, 'gs'))].map((m) => m[0]);

/** A numeric attribute of the first element of a kind, e.g. w:pgSz@w:w. */
export const attr = (xml: string, element: string, name: string): number => {
  const m = new RegExp(`<${element}\\b[^>]*\\s${name}="(-?\\d+)"`).exec(xml);
  if (!m) throw new Error(`${element}@${name} not found`);
  return Number(m[1]);
};

/** The header part a section uses for pages of `type` (`first`, `default`), found through the package's relationships. */
export function headerPart(pkg: DocxPackage, section: string, type: 'first' | 'default'): string {
  const targets = new Map(
    [...pkg.parts['word/_rels/document.xml.rels']!.matchAll(/<Relationship [^>]*\/>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])?.[1],
      `word/${/Target="([^"]+)"/.exec(m[0])?.[1]}`,
    ]),
  );
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(section)?.[1];
  const part = pkg.parts[targets.get(id) ?? ''];
  if (!part) throw new Error(`no ${type} header`);
  return part;
}

/** A document a test file renders once, opened: its package, its sections and its tables, in document order. */
export interface RenderedDocx<Doc> {
  pkg: DocxPackage;
  sections: string[];
  tables: string[];
  /** The header part the first section uses for pages of `type`. */
  header: (type: 'first' | 'default') => string;
  /** The document rendered again with `changes`, opened. */
  variant: (changes: Partial<Doc>) => Promise<DocxPackage>;
}

/**
 * Renders `doc` and opens the DOCX before the tests of the enclosing block. The package, sections and tables are
 * filled in `beforeAll`: read them inside hooks and tests.
 */
export function useRenderedDocx<Doc>(
  render: (doc: Doc) => Promise<Uint8Array | Buffer>,
  doc: Doc,
): RenderedDocx<Doc> {
  const docx: RenderedDocx<Doc> = {
    pkg: { document: '', styles: '', parts: {} },
    sections: [],
    tables: [],
    header: (type) => headerPart(docx.pkg, docx.sections[0]!, type),
    variant: async (changes) => openDocx(await render({ ...doc, ...changes })),
  };
  beforeAll(async () => {
    docx.pkg = await openDocx(await render(doc));
    docx.sections = elements(docx.pkg.document, 'w:sectPr');
    docx.tables = elements(docx.pkg.document, 'w:tbl');
  });
  return docx;
}

/** The lines of the issuer block of a decree-30 document: the non-empty paragraphs of the header's first cell. */
export function issuerLines(pkg: DocxPackage): string[] {
  const left = elements(elements(pkg.document, 'w:tbl')[0]!, 'w:tc')[0]!;
  return elements(left, 'w:p').map(textOf).filter(Boolean);
}
