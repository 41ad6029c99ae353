import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

/** The q-quantile (0–1) of samples, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Timing {
  p50: number;
  p95: number;
}

/** Runs `fn` once to warm up, then `runs` times: its p50 and p95 in milliseconds. */
export async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

/**
 * The process's peak resident memory (MiB) since the last `resetPeakRss`, from /proc (Linux); elsewhere the peak
 * of the whole run. A phase's own peak tells the app's memory apart from the benchmark's generated rows.
 */
export function peakRssMiB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: the run's peak below
  }
  return process.resourceUsage().maxRSS / 1024;
}

let earlierPeak = 0;

/** The peak of the whole run, phases before the last reset included. */
export function runPeakRssMiB(): number {
  return Math.max(earlierPeak, peakRssMiB());
}

/**
 * Starts a new peak (Linux: writing 5 to clear_refs resets VmHWM, and the kernel's maxrss with it, to the
 * current RSS); elsewhere a no-op. The peak so far is kept for `runPeakRssMiB`.
 */
export function resetPeakRss(): void {
  earlierPeak = runPeakRssMiB();
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux
  }
}
