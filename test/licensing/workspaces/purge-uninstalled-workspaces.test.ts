import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { queryRows } from "../../../src/db/rows.ts";
import { auditLog, workspaces } from "../../../src/db/schema/index.ts";
import { systemActor } from "../../../src/licensing/actor.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { addDays, fixedClock } from "../../../src/licensing/clock.ts";
import { enqueueNotices } from "../../../src/licensing/outbox/enqueue.ts";
import { inTransaction } from "../../../src/licensing/outcome.ts";
import { registerDevice } from "../../../src/licensing/register-device.ts";
import { removeProduct } from "../../../src/licensing/remove-product.ts";
import { setMailboxSize } from "../../../src/licensing/set-mailbox-size.ts";
import { deactivateWorkspace } from "../../../src/licensing/workspaces/deactivate-workspace.ts";
import { purgeUninstalledWorkspaces } from "../../../src/licensing/workspaces/purge-uninstalled-workspaces.ts";
import { reactivateWorkspace } from "../../../src/licensing/workspaces/reactivate-workspace.ts";
import { claimDelivery } from "../../../src/slack/shared/claim-delivery.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture } from "../../helpers/factories.ts";

const t = useTestDatabase();
const uninstalledAt = "2026-03-02T10:00:00Z";

/** A workspace with a bit of everything: assignments, a device, a mailbox, a restore window, a message. */
async function busyWorkspace() {
  const f = await createFixture(t.db, { at: uninstalledAt });
  const [kept, removed] = await f.addPeople([{ usageLocation: "SE" }, { usageLocation: "SE" }]);
  const productId = await f.productId("office");
  for (const personId of [kept, removed] as string[]) {
    const input = { workspaceId: f.workspaceId, personId, productId, actor: admin };
    const assigned = await assignProduct(t.db, f.clock, input);
    if (!assigned.ok) throw new Error(assigned.code);
    await setMailboxSize(t.db, f.clock, { ...input, sizeMb: 512 });
    await registerDevice(t.db, f.clock, { ...input, deviceName: `laptop-${personId}` });
  }
  const removal = await removeProduct(t.db, f.clock, {
    workspaceId: f.workspaceId,
    personId: removed as string,
    productId,
    actor: admin,
  });
  if (!removal.ok) throw new Error(removal.code);
  await inTransaction(t.db, (tx) =>
    enqueueNotices(tx, f.clock.now(), [
      {
        workspaceId: f.workspaceId,
        dedupeKey: "test:notice",
        channel: "C0NOTICES",
        notice: { kind: "low_seats", items: [{ product: "office", available: 0, purchased: 1 }] },
      },
    ]),
  );
  await claimDelivery(t.db, { workspaceId: f.workspaceId, key: "event:Ev1", at: f.clock.now() });
  return f;
}

const uninstall = (workspaceId: string) =>
  deactivateWorkspace(t.db, fixedClock(uninstalledAt), {
    workspaceId,
    reason: "app_uninstalled",
    actor: systemActor("event", "Ev0"),
  });

/** Rows left with this workspace id, per table that has the column. */
async function rowsLeft(workspaceId: string): Promise<Record<string, number>> {
  const tables = await queryRows(
    t.db,
    sql`select table_name as "table" from information_schema.columns
        where column_name = 'workspace_id' and table_schema = current_schema() order by 1`,
    z.object({ table: z.string() }),
  );
  const left: Record<string, number> = {};
  for (const { table } of tables) {
    const [row] = await queryRows(
      t.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
      z.object({ n: z.number() }),
    );
    if (row && row.n > 0) left[table] = row.n;
  }
  return left;
}

describe("purgeUninstalledWorkspaces", () => {
  it("keeps an uninstalled workspace's data for the retention period, then deletes all but the audit log", async () => {
    const f = await busyWorkspace();
    const active = await busyWorkspace();
    await uninstall(f.workspaceId);
    const before = await rowsLeft(f.workspaceId);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        "assignments",
        "audit_log",
        "outbox",
        "people",
        "restore_windows",
        "service_data",
      ]),
    );

    const early = await purgeUninstalledWorkspaces(t.db, fixedClock(addDays(new Date(uninstalledAt), 29)), {
      retentionDays: 30,
    });
    expect(early).not.toContain(f.workspaceId);
    expect(await rowsLeft(f.workspaceId)).toEqual(before);

    const purged = await purgeUninstalledWorkspaces(t.db, fixedClock(addDays(new Date(uninstalledAt), 31)), {
      retentionDays: 30,
    });
    expect(purged).toContain(f.workspaceId);
    expect(purged).not.toContain(active.workspaceId);
    const left = await rowsLeft(f.workspaceId);
    expect(Object.keys(left)).toEqual(["audit_log"]);
    expect(left.audit_log).toBe((before.audit_log ?? 0) + 1);
    const [record] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, f.workspaceId), eq(auditLog.action, "workspace.purged")));
    expect(record).toMatchObject({ actor: "system", source: "job", targetId: f.workspaceId });
    expect(await t.db.select().from(workspaces).where(eq(workspaces.id, f.workspaceId))).toEqual([]);
    // Its two people and the admin every fixture has.
    expect(await rowsLeft(active.workspaceId)).toMatchObject({ people: 3, assignments: 1 });
  });

  it("leaves a workspace that installed the app again before the purge", async () => {
    const f = await busyWorkspace();
    await uninstall(f.workspaceId);
    const reinstalled = await inTransaction(t.db, (tx) =>
      reactivateWorkspace(tx, addDays(new Date(uninstalledAt), 10), {
        workspaceId: f.workspaceId,
        actor: systemActor("event"),
      }),
    );
    expect(reinstalled).toBe(true);

    const purged = await purgeUninstalledWorkspaces(t.db, fixedClock(addDays(new Date(uninstalledAt), 60)), {
      retentionDays: 30,
    });
    expect(purged).not.toContain(f.workspaceId);
    const [row] = await t.db.select().from(workspaces).where(eq(workspaces.id, f.workspaceId));
    expect(row).toMatchObject({ active: true, deactivatedAt: null });
  });
});
