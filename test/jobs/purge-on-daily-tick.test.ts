import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { workspaces } from "../../src/db/schema/index.ts";
import { startScheduler } from "../../src/jobs/start-scheduler.ts";
import { systemActor } from "../../src/licensing/actor.ts";
import { addDays, fixedClock } from "../../src/licensing/clock.ts";
import { deactivateWorkspace } from "../../src/licensing/workspaces/deactivate-workspace.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { createFixture } from "../helpers/factories.ts";
import { until } from "../helpers/until.ts";

const t = useTestDatabase();
const silent = { info() {}, warn() {}, error() {} };

it("the daily tick purges a workspace uninstalled longer ago than the retention period, and no other", async () => {
  const [old, recent] = await Promise.all([createFixture(t.db), createFixture(t.db)]);
  if (!old || !recent) throw new Error("fixtures");
  const uninstall = (workspaceId: string, at: Date) =>
    deactivateWorkspace(t.db, fixedClock(at), {
      workspaceId,
      reason: "app_uninstalled",
      actor: systemActor("event", `Ev-${workspaceId}`),
    });
  await uninstall(old.workspaceId, old.clock.now());
  await uninstall(recent.workspaceId, addDays(old.clock.now(), 5));
  const clock = fixedClock(addDays(old.clock.now(), 8));
  const scheduler = await startScheduler({
    db: t.appDb,
    clock,
    logger: silent,
    send: async () => ({ ts: "1.0" }),
    uninstalledRetentionDays: 7,
  });
  const exists = async (id: string) =>
    (await t.db.select().from(workspaces).where(eq(workspaces.id, id))).length > 0;
  try {
    await until(
      () => exists(old.workspaceId),
      (stillThere) => !stillThere,
    );
  } finally {
    await scheduler.stop();
  }
  expect(await exists(old.workspaceId)).toBe(false);
  expect(await exists(recent.workspaceId)).toBe(true);
});
