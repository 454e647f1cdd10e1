import { describe, expect, it } from "vitest";
import { idleWaitMs, longestWaitChainMs } from "../../bench/tenant-waits.ts";
import type { RecordedGraphRequest } from "../../src/local-graph/local-graph-server.ts";

const call = (
  at: number,
  answeredAt: number,
  items: [path: string, status: number, retryAfter?: string][],
): RecordedGraphRequest => ({
  method: "POST",
  path: "/$batch",
  at,
  answeredAt,
  status: 200,
  items: items.map(([path, status, retryAfter]) => ({ path, status, ...(retryAfter ? { retryAfter } : {}) })),
});

describe("the Retry-After waits that cannot overlap", () => {
  it("are the longest chain of them one item was told, however many items waited side by side", () => {
    const calls = [
      call(0, 20, [
        ["a", 429, "1"],
        ["b", 429, "1"],
        ["c", 200],
      ]),
      call(10, 30, [["d", 429, "0.5"]]),
      call(1030, 1050, [
        ["a", 429, "1"],
        ["b", 200],
        ["d", 200],
      ]),
      call(2060, 2080, [["a", 200]]),
    ];
    expect(longestWaitChainMs(calls)).toBe(2000);
    expect(longestWaitChainMs([call(0, 20, [["a", 200]])])).toBe(0);
  });
});

describe("the time the bench sat idle because it had to", () => {
  it("is a Retry-After the client could only sit out", () => {
    const calls = [
      call(0, 20, [
        ["a", 200],
        ["b", 429, "1"],
      ]),
      call(1020, 1040, [["b", 200]]),
    ];
    expect(idleWaitMs(calls, 0, 1040)).toBe(1000);
  });

  it("counts overlapping Retry-Afters once, and stops when any item may go again", () => {
    const calls = [
      call(0, 20, [["a", 429, "1"]]),
      call(10, 30, [["b", 429, "1"]]),
      call(1030, 1050, [
        ["a", 200],
        ["b", 200],
      ]),
    ];
    // From 30 (nothing on its way) to 1020 (a may go again); a's waiting past that is the client's.
    expect(idleWaitMs(calls, 0, 1050)).toBe(990);
  });

  it("counts nothing while other calls are on their way or items not yet sent could go", () => {
    const calls = [
      call(0, 20, [["a", 429, "0.1"]]),
      call(20, 200, [["b", 200]]),
      call(300, 320, [
        ["a", 200],
        ["c", 200],
      ]),
    ];
    expect(idleWaitMs(calls, 0, 320)).toBe(0);
  });
});
