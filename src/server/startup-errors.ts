import { describeUrl, isDatabaseUnavailable, sqlState, type DatabaseConfig } from '../db/connection.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { DatabaseNewerError } from '../db/migrations.js';

/** File-system errors that mean the data directory cannot be used as it is. */
const FS_CODES: Record<string, string> = {
  EACCES: 'không có quyền ghi / permission denied',
  EPERM: 'không có quyền ghi / permission denied',
  EROFS: 'hệ thống tệp chỉ đọc / read-only file system',
  ENOSPC: 'hết dung lượng đĩa / no space left on the device',
  ENOTDIR: 'không phải là thư mục / not a directory',
  EEXIST: 'đã có một tệp cùng tên / a file of that name exists',
};

function errnoOf(err: unknown): { code: string; path?: string } | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, path } = e as { code?: unknown; path?: unknown };
    if (typeof code === 'string' && code in FS_CODES) {
      return { code, ...(typeof path === 'string' ? { path } : {}) };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * The one line (Vietnamese, then English) printed when the server cannot start because of its environment: the
 * database unreachable or refusing the account, its schema impossible to create or update, the data directory
 * locked or not writable. Null for anything else (a fault of the code, printed in full).
 */
export function startupFailureMessage(err: unknown, config: DatabaseConfig): string | null {
  if (err instanceof DataDirLockedError || err instanceof DatabaseNewerError) return err.message;
  if (config.kind === 'postgres') {
    const where = describeUrl(config.url);
    const state = sqlState(err);
    if (state === '3D000') {
      return (
        `Cơ sở dữ liệu trong DATABASE_URL (${where}) không tồn tại: tạo nó trước (createdb) rồi khởi động lại. ` +
        `The database named in DATABASE_URL does not exist: create it first (createdb), then start again.`
      );
    }
    if (state === '28P01' || state === '28000') {
      return (
        `Máy chủ PostgreSQL (${where}) từ chối tài khoản: kiểm tra tên đăng nhập và mật khẩu trong DATABASE_URL. ` +
        `PostgreSQL refused the account: check the user name and password in DATABASE_URL.`
      );
    }
    if (state === '42501' || state === '3F000' || state === '25006') {
      const reason = state === '3F000' ? 'không có lược đồ (schema) để tạo bảng' : 'không đủ quyền';
      const english = state === '3F000' ? 'there is no schema to create the tables in' : 'permission denied';
      return (
        `Không tạo hoặc cập nhật được các bảng của ứng dụng trong ${where} (${reason}): tài khoản cần quyền tạo bảng ` +
        `trong lược đồ public của cơ sở dữ liệu. The application's tables cannot be created or migrated (${english}): ` +
        `the account needs to be allowed to create tables in the database's public schema.`
      );
    }
    if (isDatabaseUnavailable(err)) {
      return (
        `Không kết nối được cơ sở dữ liệu PostgreSQL (${where}): ${reasonOf(err)}. Kiểm tra DATABASE_URL và máy chủ ` +
        `PostgreSQL. Cannot connect to the PostgreSQL database: check DATABASE_URL and that the server is running.`
      );
    }
    return null;
  }
  const fsError = errnoOf(err);
  if (fsError) {
    const dir = config.dataDir ?? '(bộ nhớ / memory)';
    return (
      `Không dùng được thư mục dữ liệu "${dir}" (${FS_CODES[fsError.code]}${fsError.path ? `: ${fsError.path}` : ''}): ` +
      `cấp quyền ghi hoặc đặt BINHDANG_DATA_DIR sang thư mục khác. The data directory cannot be used: make it ` +
      `writable, or set BINHDANG_DATA_DIR to another directory.`
    );
  }
  return null;
}

/** The driver's short reason (ECONNREFUSED, the server's message), on one line. */
function reasonOf(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message, errors } = e as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === 'string' && !/^Failed query/.test(String(message))) {
      return `${code}${typeof message === 'string' && message && !message.includes(code) ? ` ${message}` : ''}`;
    }
    if (Array.isArray(errors) && errors.length > 0) return reasonOf(errors[0]);
    if (typeof message === 'string' && !message.startsWith('Failed query')) {
      return message.split('\n')[0]!;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return 'không rõ / unknown';
}
