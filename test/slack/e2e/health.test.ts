import { describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/licensing/clock.ts";
import { startSlackApp } from "../../../src/slack/app.ts";
import { createTestDatabase } from "../../helpers/database.ts";

const silent = { info() {}, warn() {}, error() {} };

describe("the health check", () => {
  it("answers 503 once the database stops answering", async () => {
    const database = await createTestDatabase();
    const running = await startSlackApp(
      {
        botToken: "xoxb-test",
        signingSecret: "test-signing-secret",
        apiUrl: "http://127.0.0.1:9/api/",
        port: 0,
        host: "127.0.0.1",
      },
      { db: database.appDb, clock: fixedClock("2026-03-02T10:00:00Z"), logger: silent },
    );
    try {
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      await database.close();
      const down = await fetch(`${running.url}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ ok: false, database: "unreachable" });
    } finally {
      await running.close();
    }
  });
});
