// Repeats a job every `everyMs`; after each failed run the wait doubles up to
// `maxMs`, and one success brings it back. Used by the mail sweeper, so a
// database or SMTP server that is down is not hit every minute.
export interface BackoffOptions { everyMs: number; maxMs: number }

export function backoffDelay(failures: number, { everyMs, maxMs }: BackoffOptions): number {
  return Math.min(everyMs * 2 ** failures, maxMs);
}

/** Runs `job` now and then again after each delay; `job` resolves true when it succeeded. */
export function repeatWithBackoff(job: () => Promise<boolean>, options: BackoffOptions): { stop(): void } {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    const ok = await job().catch(() => false);
    failures = ok ? 0 : failures + 1;
    if (stopped) return;
    timer = setTimeout(tick, backoffDelay(failures, options));
    timer.unref?.();
  };
  void tick();
  return { stop() { stopped = true; clearTimeout(timer); } };
}
