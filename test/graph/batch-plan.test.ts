import { describe, expect, it } from "vitest";
import { planNextBatch, previousToSameUrl, type Waiting } from "../../src/graph/batch-plan.ts";

const items = (count: number, notBefore: number, from = 0): Waiting[] =>
  Array.from({ length: count }, (_, i) => ({ index: from + i, attempts: 1, notBefore }));
const sent = (plan: ReturnType<typeof planNextBatch>) => ("send" in plan ? plan.send.length : plan);

describe("planning the next $batch call", () => {
  it.each([
    ["a full batch goes at once", items(25, 0), 1000, 0, 20],
    ["new requests go at once, even a few", items(3, 0), 1000, 2, 3],
    [
      "a few throttled ones wait for others about to be free",
      [...items(3, 990), ...items(5, 1040, 3)],
      1000,
      0,
      { wakeAt: 1040 },
    ],
    ["…but not past the linger", [...items(3, 990), ...items(5, 1200, 3)], 1000, 0, 3],
    ["…and wait for calls in flight, up to the linger", items(3, 990), 1000, 1, { wakeAt: 1090 }],
    ["…then go", items(3, 900), 1000, 1, 3],
    ["nothing ready: look again when the first is free", items(4, 1500), 1000, 0, { wakeAt: 1500 }],
    ["nothing free: look again when a call is answered", [], 1000, 2, { wakeAt: undefined }],
  ])("%s", (_name, free, now, inFlight, expected) => {
    expect(sent(planNextBatch(free, now, inFlight, 100))).toEqual(expected);
  });

  it("sends throttled requests before new ones, since each may have to wait once more", () => {
    const fresh = Array.from({ length: 30 }, (_, i) => ({ index: i, attempts: 0, notBefore: 0 }));
    const plan = planNextBatch([...fresh, ...items(5, 900, 30)], 1000, 0, 100);
    expect("send" in plan && plan.send.map((item) => item.index)).toEqual([
      30,
      31,
      32,
      33,
      34,
      ...fresh.slice(0, 15).map((item) => item.index),
    ]);
  });

  it("links each request to the last one before it to the same URL", () => {
    expect(previousToSameUrl(["a", "b", "a", "a", "c"])).toEqual([-1, -1, 0, 2, -1]);
  });
});
