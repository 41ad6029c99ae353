import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.js';

/** The file-system calls an upload makes; tests inject failing ones (a full disk) instead of filling a disk. */
export interface FileWriter {
  writeFile(file: string, data: Buffer): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string): Promise<void>;
}

/** Where a module keeps its files on disk, outside the database rows, and the calls that write them there. */
export interface FileStorage {
  filesDir: string;
  /** Tests inject failing calls (a full disk); otherwise nodeFileWriter. */
  fileWriter?: FileWriter;
}

/** The uploaded files' folder: BINHDANG_FILES_DIR, else `files` in the data directory. */
export function filesDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.BINHDANG_FILES_DIR ?? path.join(path.resolve(env.BINHDANG_DATA_DIR ?? './data'), 'files');
}

export const nodeFileWriter: FileWriter = {
  writeFile: (file, data) => fs.promises.writeFile(file, data),
  rename: (from, to) => fs.promises.rename(from, to),
  rm: (file) => fs.promises.rm(file, { force: true }),
};

/** Errors that mean the disk (or the user's quota) is full. */
const STORAGE_FULL = new Set(['ENOSPC', 'EDQUOT']);

/**
 * Writes `bytes` to `finalPath` through a temporary file in the same directory and a rename, so that a reader never
 * sees half a file. On any failure the temporary file is removed; a full disk answers 507 with a clear message.
 */
export async function writeFileAtomically(
  writer: FileWriter,
  finalPath: string,
  bytes: Buffer,
  what: string,
): Promise<void> {
  await fs.promises.mkdir(path.dirname(finalPath), { recursive: true });
  const tmpPath = `${finalPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writer.writeFile(tmpPath, bytes);
    await writer.rename(tmpPath, finalPath);
  } catch (err) {
    await writer.rm(tmpPath).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    if (code && STORAGE_FULL.has(code)) {
      throw new AppError(
        'INSUFFICIENT_STORAGE',
        `Máy chủ hết dung lượng lưu trữ: chưa lưu ${what}. Báo quản trị viên giải phóng ổ đĩa rồi gửi lại / server storage is full`,
        [
          {
            path: '$.body',
            message: `Hết dung lượng lưu trữ (${code}); chưa lưu ${what}`,
            code: 'storage_full',
          },
        ],
      );
    }
    throw err;
  }
}
