/**
 * Runs `job` now and then every `intervalMs` inside the app process, one run at a time (a tick while one runs is
 * skipped); errors go to `onError`. The timer does not keep the process alive. Returns a stop function.
 */
export function startRecurringJob(
  job: () => Promise<unknown>,
  intervalMs: number,
  onError: (err: unknown) => void,
): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    job()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
