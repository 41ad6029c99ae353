import JSZip from 'jszip';

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
