// A timer in the `serve` process that runs one pass of background work (the e-mail scheduler,
// calendar subscriptions) every interval: a pass never overlaps the next (a tick while one runs
// shares it), the timer does not keep the process alive, and stop() waits for the pass in flight,
// so a clean stop never cuts a send or an import in half.

export interface PeriodicPass {
  /** One pass now (or the one already running). Tests call it with the clock where they want it. */
  tick(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/** `what` names the work in the log line of a pass that failed ("E-mail", "Calendar subscriptions"). */
export function periodicPass(what: string, pass: () => Promise<void>, intervalMs: number, log?: { error(message: string): void }): PeriodicPass {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const tick = () =>
    (running ??= pass()
      .catch((error: unknown) => log?.error(`${what}: the scheduler's pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      }));

  return {
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
      void tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
