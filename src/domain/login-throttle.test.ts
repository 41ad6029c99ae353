import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, LOCK_AFTER, LOCK_MS, lockDurationMs, passwordProblem } from './login-throttle.js';

describe('lockDurationMs', () => {
  // Failures so far → how long the next try must wait.
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 2_000],
    [4, 4_000],
    [5, 8_000],
    [6, 16_000],
    [7, 32_000],
    [8, 64_000],
    [9, 128_000],
    [10, 900_000],
    [11, 900_000],
    [50, 900_000],
  ])('after %i failures waits %i ms', (failures, wait) => {
    expect(lockDurationMs(failures)).toBe(wait);
  });

  it('states its schedule: three free failures, a 15-minute lock from the tenth', () => {
    expect([FREE_FAILURES, LOCK_AFTER, LOCK_MS]).toEqual([3, 10, 15 * 60 * 1000]);
  });

  it('never shortens the wait as failures grow', () => {
    for (let n = 1; n <= 20; n++) expect(lockDurationMs(n)).toBeGreaterThanOrEqual(lockDurationMs(n - 1));
  });
});

describe('passwordProblem', () => {
  it.each([
    ['ngan', 'nguyen.van.a', 'Mật khẩu: cần ít nhất 10 ký tự'],
    ['123456789', 'nguyen.van.a', 'Mật khẩu: cần ít nhất 10 ký tự'],
    ['12345678901234', 'nguyen.van.a', 'Mật khẩu: không được chỉ gồm chữ số'],
    ['nguyen.van.a-2026', 'nguyen.van.a', 'Mật khẩu: không được chứa tên đăng nhập'],
    ['Mat-Khau-NGUYEN.VAN.A', 'nguyen.van.a', 'Mật khẩu: không được chứa tên đăng nhập'],
    ['mat-khau-nguyen.van.a', ' Nguyen.Van.A ', 'Mật khẩu: không được chứa tên đăng nhập'],
  ])('refuses %j for %j: %s', (password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });

  it.each([
    ['mat-khau-rat-dai', 'nguyen.van.a'],
    ['1234567890a', 'nguyen.van.a'],
    ['mười ký tự!', 'tran.thi.b'],
  ])('accepts %j for %j', (password, username) => {
    expect(passwordProblem(password, username)).toBeNull();
  });
});
