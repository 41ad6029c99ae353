import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRecurringJob } from './recurring-job.js';

describe('startRecurringJob', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once and then each interval, never two runs at a time, and stops', async () => {
    vi.useFakeTimers();
    let finish: (() => void) | null = null;
    let runs = 0;
    const job = () => {
      runs++;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const stop = startRecurringJob(job, 1000, () => undefined);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3000); // the first run has not finished: the ticks are skipped
    expect(runs).toBe(1);
    finish!();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    stop();
    finish!();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(2);
  });

  it('hands a failed run to onError and runs again at the next tick', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const stop = startRecurringJob(
      async () => {
        runs++;
        throw new Error(`run ${runs}`);
      },
      1000,
      (err) => errors.push(err),
    );
    await vi.advanceTimersByTimeAsync(1000);
    stop();
    expect(runs).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(['run 1', 'run 2']);
  });
});
