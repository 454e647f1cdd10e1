import { describe, expect, it } from "vitest";
import { InFlightWork } from "../../../src/slack/shared/in-flight.ts";

describe("InFlightWork", () => {
  it("is idle at once when nothing runs, and once the last piece of work ends", async () => {
    const work = new InFlightWork();
    await work.idle();
    const first = work.begin("/license status");
    const second = work.begin("block_actions approve");
    expect(work.describe()).toEqual(["/license status", "block_actions approve"]);
    let idle = false;
    const waiting = work.idle().then(() => {
      idle = true;
    });
    first();
    first();
    await Promise.resolve();
    expect(idle).toBe(false);
    expect(work.count).toBe(1);
    second();
    await waiting;
    expect(idle).toBe(true);
    expect(work.started).toBe(2);
    expect(work.describe()).toEqual([]);
  });
});
