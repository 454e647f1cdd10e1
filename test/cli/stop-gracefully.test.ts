import { describe, expect, it } from "vitest";
import { stopGracefully } from "../../src/cli/stop-gracefully.ts";

function recorder() {
  const errors: { message: string; context?: Record<string, unknown> }[] = [];
  return {
    errors,
    logger: {
      info() {},
      warn() {},
      error: (message: string, context?: Record<string, unknown>) => void errors.push({ message, context }),
    },
  };
}

const endsAfter = (ms: number, order: string[], name: string) => () =>
  new Promise<void>((resolve) =>
    setTimeout(() => {
      order.push(name);
      resolve();
    }, ms),
  );

describe("stopGracefully", () => {
  it("runs each stage after the one before, the steps of a stage together, and answers 0", async () => {
    const order: string[] = [];
    const { logger, errors } = recorder();
    const code = await stopGracefully(
      [
        [
          { name: "requests", stop: endsAfter(30, order, "requests") },
          { name: "jobs", stop: endsAfter(10, order, "jobs") },
        ],
        [{ name: "database", stop: endsAfter(0, order, "database") }],
      ],
      { timeoutMs: 1000, logger },
    );
    expect(code).toBe(0);
    expect(order).toEqual(["jobs", "requests", "database"]);
    expect(errors).toEqual([]);
  });

  it("answers 1 after the timeout, naming what still ran; a failed step answers 1 too", async () => {
    const { logger, errors } = recorder();
    const stuck = await stopGracefully(
      [
        [
          { name: "requests", stop: () => new Promise(() => {}), running: () => ["/license status"] },
          { name: "jobs", stop: async () => {} },
        ],
        [{ name: "database", stop: async () => {} }],
      ],
      { timeoutMs: 20, logger },
    );
    expect(stuck).toBe(1);
    expect(errors).toEqual([
      {
        message: "stopped before the work in flight had finished",
        context: { timeoutSeconds: 0.02, stillRunning: "requests (/license status)" },
      },
    ]);
    const failed = await stopGracefully(
      [[{ name: "database", stop: () => Promise.reject(new Error("gone")) }]],
      { timeoutMs: 1000, logger },
    );
    expect(failed).toBe(1);
    expect(errors.at(-1)).toEqual({ message: "stopping database failed", context: { error: "gone" } });
  });
});
