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
      {
        db: database.appDb,
        clock: fixedClock("2026-03-02T10:00:00Z"),
        logger: silent,
        connections: () => database.connections(),
      },
    );
    try {
      const up = await fetch(`${running.url}/healthz`);
      expect(up.status).toBe(200);
      // The check's own connection is back by the time it is counted: none in use, nobody waiting.
      const { connections } = (await up.json()) as { connections: { total: number; idle: number } };
      expect(connections).toEqual({ total: connections.total, idle: connections.total, waiting: 0 });
      expect(connections.total).toBeGreaterThan(0);
      await database.close();
      const down = await fetch(`${running.url}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({
        ok: false,
        database: "unreachable",
        connections: expect.objectContaining({ waiting: 0 }),
      });
    } finally {
      await running.close();
    }
  });
});
