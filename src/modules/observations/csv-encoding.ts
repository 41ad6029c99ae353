import { AppError } from '../../core/errors.js';

/** Character sets a CSV upload may declare (Content-Type charset); anything else is refused by name. */
const DECLARED: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1258': 'windows-1258',
  cp1258: 'windows-1258',
};

function refuse(message: string, code: string): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path: '$.body', message, code }]);
}

/** The charset parameter of a Content-Type header, lower-cased; null when none. */
function declaredCharset(contentType: string | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * The text of an uploaded CSV. A byte-order mark decides (UTF-8, UTF-16 LE or BE); otherwise the charset the
 * request declares (`text/csv; charset=windows-1258` for files saved by older Vietnamese Windows software); otherwise
 * UTF-8. Bytes that are not valid in that encoding are refused with a message that names the encoding and the
 * position of the first bad byte, never replaced silently.
 */
export function decodeCsvBytes(bytes: Buffer, contentType: string | undefined): string {
  let encoding: string;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    start = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    start = 2;
  } else {
    const declared = declaredCharset(contentType);
    if (declared !== null && !DECLARED[declared]) {
      refuse(
        `Bảng mã "${declared}" không được hỗ trợ: lưu tệp CSV dạng UTF-8 (hoặc UTF-16, Windows-1258) / unsupported charset`,
        'encoding_unsupported',
      );
    }
    encoding = declared ? DECLARED[declared]! : 'utf-8';
  }
  const body = bytes.subarray(start);
  if (encoding.startsWith('utf-16') && body.length % 2 !== 0) {
    refuse(
      `Tệp CSV không phải ${encoding.toUpperCase()} hợp lệ: số byte lẻ / odd number of bytes for ${encoding}`,
      'encoding_invalid',
    );
  }
  try {
    // Windows-1258 writes tone marks as combining characters: composed (NFC) as the rest of the platform stores text.
    return new TextDecoder(encoding, { fatal: true }).decode(body).normalize('NFC');
  } catch {
    const at = encoding === 'utf-8' ? firstInvalidUtf8(body) : null;
    const where =
      at === null
        ? ''
        : ` (byte 0x${body[at]!.toString(16).padStart(2, '0')} ở vị trí ${at + start}, dòng ${lineAt(body, at)})`;
    refuse(
      `Tệp CSV không phải văn bản ${encoding.toUpperCase()} hợp lệ${where}: lưu lại dạng "CSV UTF-8", hoặc ghi rõ bảng mã (charset=windows-1258) / invalid ${encoding} text`,
      'encoding_invalid',
    );
  }
}

const lineAt = (bytes: Buffer, index: number) => {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** Index of the first byte that breaks UTF-8, or null. */
function firstInvalidUtf8(b: Buffer): number | null {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    // Overlong three-byte forms, surrogates, and code points above U+10FFFF.
    if (need === 2 && ((c === 0xe0 && b[i + 1]! < 0xa0) || (c === 0xed && b[i + 1]! >= 0xa0))) return i;
    if (need === 3 && ((c === 0xf0 && b[i + 1]! < 0x90) || (c === 0xf4 && b[i + 1]! >= 0x90))) return i;
    i += need + 1;
  }
  return null;
}
