/**
 * After repeated failed logins an account waits longer and longer before the next try: nothing for the first
 * three failures, then 2, 4, 8 … seconds, and a 15-minute lock from the tenth failure on.
 */
export const FREE_FAILURES = 3;
export const LOCK_AFTER = 10;
export const LOCK_MS = 15 * 60 * 1000;

export function lockDurationMs(failedLogins: number): number {
  if (failedLogins >= LOCK_AFTER) return LOCK_MS;
  if (failedLogins < FREE_FAILURES) return 0;
  return 1000 * 2 ** (failedLogins - FREE_FAILURES + 1);
}

/** Password rules: at least 10 characters, not only digits, not the username. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return 'Mật khẩu: cần ít nhất 10 ký tự';
  if (/^\d+$/.test(password)) return 'Mật khẩu: không được chỉ gồm chữ số';
  if (password.toLowerCase().includes(username.trim().toLowerCase()))
    return 'Mật khẩu: không được chứa tên đăng nhập';
  return null;
}
