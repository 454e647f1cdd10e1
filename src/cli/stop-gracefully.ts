import type { AppLogger } from "../slack/shared/logger.ts";

export interface StopStep {
  /** What is stopping, for the log: "Slack requests", "scheduled jobs", "the database pool". */
  name: string;
  stop(): Promise<void>;
  /** What of it is still running, when the time runs out (e.g. each request in flight). */
  running?(): string[];
}

/**
 * Runs the stops in stages: the steps of a stage together, each stage after the one before
 * (the database closes only after the work that uses it). Resolves 0 when all of it ended within
 * `timeoutMs`, else 1 after logging what was still running. A step that fails is logged and the
 * stop goes on: the exit code is then 1 too.
 */
export async function stopGracefully(
  stages: StopStep[][],
  options: { timeoutMs: number; logger: AppLogger },
): Promise<number> {
  const pending = new Set<StopStep>();
  let failed = false;
  const run = async (): Promise<void> => {
    for (const stage of stages) {
      for (const step of stage) pending.add(step);
      await Promise.all(
        stage.map((step) =>
          step.stop().then(
            () => pending.delete(step),
            (error: unknown) => {
              pending.delete(step);
              failed = true;
              options.logger.error(`stopping ${step.name} failed`, {
                error: error instanceof Error ? error.message : String(error),
              });
            },
          ),
        ),
      );
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    run().then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), options.timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (finished) return failed ? 1 : 0;
  const stillRunning = [...pending].map((step) => {
    const detail = step.running?.() ?? [];
    return detail.length > 0 ? `${step.name} (${detail.join(", ")})` : step.name;
  });
  options.logger.error("stopped before the work in flight had finished", {
    timeoutSeconds: options.timeoutMs / 1000,
    stillRunning: stillRunning.join("; ") || "nothing",
  });
  return 1;
}
