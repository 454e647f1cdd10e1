import { and, eq, gt, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { queryRows } from "../../src/db/rows.ts";
import { auditLog } from "../../src/db/schema/index.ts";
import { type Actor, systemActor } from "../../src/licensing/actor.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { applyBulkChange } from "../../src/licensing/bulk/apply-bulk-change.ts";
import { importCatalog } from "../../src/licensing/catalog/import-catalog.ts";
import { saveProduct } from "../../src/licensing/catalog/save-product.ts";
import { personDeactivated } from "../../src/licensing/directory/person-deactivated.ts";
import { personJoined } from "../../src/licensing/directory/person-joined.ts";
import { personReactivated } from "../../src/licensing/directory/person-reactivated.ts";
import { setGrantedAdmin } from "../../src/licensing/directory/set-granted-admin.ts";
import { setUsageLocation } from "../../src/licensing/directory/set-usage-location.ts";
import { restoreWindow } from "../../src/licensing/home/restore-window.ts";
import { licenseMailbox } from "../../src/licensing/mailboxes/license-mailbox.ts";
import { recordMailboxSize } from "../../src/licensing/mailboxes/record-mailbox-size.ts";
import { registerDevice } from "../../src/licensing/register-device.ts";
import { stopWindowReminders } from "../../src/licensing/reminders/stop-window-reminders.ts";
import { removeProduct } from "../../src/licensing/remove-product.ts";
import { decideRequest } from "../../src/licensing/requests/decide-request.ts";
import { fileRequest } from "../../src/licensing/requests/file-request.ts";
import { restoreProduct } from "../../src/licensing/restore-product.ts";
import { setMailboxSize } from "../../src/licensing/set-mailbox-size.ts";
import { setPurchasedSeats } from "../../src/licensing/set-purchased-seats.ts";
import { unregisterDevice } from "../../src/licensing/unregister-device.ts";
import { setDefaultUsageLocation } from "../../src/licensing/workspaces/set-default-usage-location.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture, exampleCatalog, type Fixture } from "../helpers/factories.ts";

const t = useTestDatabase();

/** A member of the workspace who is neither a Slack admin nor granted the right (rule 10). */
const member: Actor = { userId: "UMEMBER", source: "command", requestId: "rule-10" };

interface Setting {
  f: Fixture;
  /** Someone else in the workspace, the person most use cases act on. */
  personId: string;
  productId: string;
}

type Call = (actor: Actor) => Promise<{ ok: boolean; code?: string }>;

/** Everything done as an admin or the system to make the call one that an admin could make. */
async function removed(s: Setting): Promise<string> {
  const base = { workspaceId: s.f.workspaceId, personId: s.personId, productId: s.productId, actor: admin };
  await assignProduct(t.db, s.f.clock, base);
  const outcome = await removeProduct(t.db, s.f.clock, base);
  if (!outcome.ok || !outcome.restoreWindowId) throw new Error("setup: the removal left no window");
  return outcome.restoreWindowId;
}

async function sharedMailbox(s: Setting): Promise<string> {
  const recorded = await recordMailboxSize(t.db, s.f.clock, {
    workspaceId: s.f.workspaceId,
    address: "shared@example.com",
    kind: "shared",
    sizeMb: 12_000,
    actor: systemActor("cli"),
  });
  if (!recorded.ok) throw new Error(`setup: ${recorded.code}`);
  return recorded.mailboxId;
}

/**
 * Every use case that changes licenses, seats, products, admins, locations, settings or a
 * request's decision, with a call that succeeds for an admin.
 */
const USE_CASES: { name: string; arrange(s: Setting): Promise<Call> }[] = [
  {
    name: "assignProduct",
    arrange: async (s) => (actor) =>
      assignProduct(t.db, s.f.clock, {
        workspaceId: s.f.workspaceId,
        personId: s.personId,
        productId: s.productId,
        actor,
      }),
  },
  {
    name: "removeProduct",
    arrange: async (s) => {
      const base = { workspaceId: s.f.workspaceId, personId: s.personId, productId: s.productId };
      await assignProduct(t.db, s.f.clock, { ...base, actor: admin });
      return (actor) => removeProduct(t.db, s.f.clock, { ...base, actor });
    },
  },
  {
    name: "restoreProduct",
    arrange: async (s) => {
      await removed(s);
      return (actor) =>
        restoreProduct(t.db, s.f.clock, {
          workspaceId: s.f.workspaceId,
          personId: s.personId,
          productId: s.productId,
          actor,
        });
    },
  },
  {
    name: "restoreWindow",
    arrange: async (s) => {
      const windowId = await removed(s);
      return (actor) => restoreWindow(t.db, s.f.clock, { workspaceId: s.f.workspaceId, windowId, actor });
    },
  },
  {
    name: "stopWindowReminders",
    arrange: async (s) => {
      const windowId = await removed(s);
      return (actor) =>
        stopWindowReminders(t.db, s.f.clock, { workspaceId: s.f.workspaceId, windowId, actor });
    },
  },
  {
    name: "applyBulkChange",
    arrange: async (s) => (actor) =>
      applyBulkChange(t.db, s.f.clock, {
        workspaceId: s.f.workspaceId,
        personIds: [s.personId],
        add: [s.productId],
        mode: "add",
        idempotencyKey: `bulk-${actor.userId}`,
        actor,
      }),
  },
  {
    name: "setPurchasedSeats",
    arrange: async (s) => (actor) =>
      setPurchasedSeats(t.db, s.f.clock, {
        workspaceId: s.f.workspaceId,
        productId: s.productId,
        purchased: 40,
        actor,
      }),
  },
  {
    name: "saveProduct",
    arrange: async (s) => (actor) =>
      saveProduct(t.db, s.f.clock, {
        workspaceId: s.f.workspaceId,
        product: {
          key: "visio",
          name: "Visio",
          purchasedSeats: 3,
          isDefault: false,
          plans: [],
          newPlan: {
            kind: "office_apps",
            name: "Visio desktop",
            dataDescription: "installs",
            unavailableLocations: [],
            installLimit: 5,
          },
        },
        actor,
      }),
  },
  {
    name: "importCatalog",
    arrange: async (s) => {
      const catalog = await exampleCatalog();
      const more = { ...catalog, products: catalog.products.map((p) => ({ ...p, purchasedSeats: 50 })) };
      return (actor) =>
        importCatalog(t.db, s.f.clock, { workspaceId: s.f.workspaceId, catalog: more, actor });
    },
  },
  {
    name: "setGrantedAdmin",
    arrange: async (s) => (actor) =>
      setGrantedAdmin(t.db, s.f.clock, {
        workspaceId: s.f.workspaceId,
        personId: s.personId,
        granted: true,
        actor,
      }),
  },
  {
    name: "setUsageLocation",
    arrange: async (s) => (actor) =>
      setUsageLocation(t.db, s.f.clock, {
        workspaceId: s.f.workspaceId,
        personId: s.personId,
        usageLocation: "NO",
        actor,
      }),
  },
  {
    name: "setDefaultUsageLocation",
    arrange: async (s) => (actor) =>
      setDefaultUsageLocation(t.db, s.f.clock, { workspaceId: s.f.workspaceId, usageLocation: "NO", actor }),
  },
  {
    name: "setMailboxSize",
    arrange: async (s) => {
      const base = { workspaceId: s.f.workspaceId, personId: s.personId, productId: s.productId };
      await assignProduct(t.db, s.f.clock, { ...base, actor: admin });
      return (actor) => setMailboxSize(t.db, s.f.clock, { ...base, sizeMb: 2048, actor });
    },
  },
  {
    name: "registerDevice",
    arrange: async (s) => {
      const base = { workspaceId: s.f.workspaceId, personId: s.personId, productId: s.productId };
      await assignProduct(t.db, s.f.clock, { ...base, actor: admin });
      return (actor) => registerDevice(t.db, s.f.clock, { ...base, deviceName: "laptop", actor });
    },
  },
  {
    name: "unregisterDevice",
    arrange: async (s) => {
      const base = { workspaceId: s.f.workspaceId, personId: s.personId, productId: s.productId };
      await assignProduct(t.db, s.f.clock, { ...base, actor: admin });
      await registerDevice(t.db, s.f.clock, { ...base, deviceName: "laptop", actor: admin });
      return (actor) => unregisterDevice(t.db, s.f.clock, { ...base, deviceName: "laptop", actor });
    },
  },
  {
    name: "recordMailboxSize",
    arrange: async (s) => {
      await sharedMailbox(s);
      return (actor) =>
        recordMailboxSize(t.db, s.f.clock, {
          workspaceId: s.f.workspaceId,
          address: "shared@example.com",
          sizeMb: 4_000,
          actor,
        });
    },
  },
  {
    name: "licenseMailbox",
    arrange: async (s) => {
      const mailboxId = await sharedMailbox(s);
      return (actor) =>
        licenseMailbox(t.db, s.f.clock, {
          workspaceId: s.f.workspaceId,
          mailboxId,
          productId: s.productId,
          actor,
        });
    },
  },
  {
    name: "personJoined",
    arrange: async (s) => (actor) =>
      personJoined(t.db, s.f.clock, {
        workspaceId: s.f.workspaceId,
        person: { slackUserId: "UNEWCOMER", name: "Newcomer" },
        actor,
      }),
  },
  {
    name: "personDeactivated",
    arrange: async (s) => {
      await assignProduct(t.db, s.f.clock, {
        workspaceId: s.f.workspaceId,
        personId: s.personId,
        productId: s.productId,
        actor: admin,
      });
      return (actor) =>
        personDeactivated(t.db, s.f.clock, { workspaceId: s.f.workspaceId, slackUserId: "UOTHER", actor });
    },
  },
  {
    name: "personReactivated",
    arrange: async (s) => {
      const input = { workspaceId: s.f.workspaceId, slackUserId: "UOTHER" };
      await personDeactivated(t.db, s.f.clock, { ...input, actor: systemActor("event") });
      return (actor) => personReactivated(t.db, s.f.clock, { ...input, actor });
    },
  },
  ...(["approve", "deny"] as const).map((decision) => ({
    name: `decideRequest (${decision})`,
    arrange: async (s: Setting): Promise<Call> => {
      const filed = await fileRequest(t.db, s.f.clock, {
        workspaceId: s.f.workspaceId,
        productId: s.productId,
        reason: "for my work",
        actor: { userId: "UOTHER", source: "command" },
      });
      if (!filed.ok) throw new Error(`setup: ${filed.code}`);
      return (actor) =>
        decideRequest(t.db, s.f.clock, {
          workspaceId: s.f.workspaceId,
          requestId: filed.requestId,
          decision,
          note: "reviewed",
          actor,
        });
    },
  })),
];

async function arrange(useCase: (typeof USE_CASES)[number]): Promise<{ s: Setting; call: Call }> {
  const f = await createFixture(t.db);
  const [personId] = await f.addPeople([
    { slackUserId: "UOTHER", name: "Other" },
    { slackUserId: member.userId, name: "Member" },
  ]);
  const s = { f, personId: personId as string, productId: await f.productId("office") };
  return { s, call: await useCase.arrange(s) };
}

/**
 * Every row of every table that belongs to the workspace, the audit log aside, and the workspace's
 * own row (its settings), in a stable order.
 */
async function workspaceRows(workspaceId: string): Promise<Record<string, string[]>> {
  const tables = await queryRows(
    t.db,
    sql`select table_name as "table" from information_schema.columns
        where column_name = 'workspace_id' and table_schema = current_schema() and table_name <> 'audit_log'
        order by 1`,
    z.object({ table: z.string() }),
  );
  const settings = await queryRows(
    t.db,
    sql`select * from workspaces where id = ${workspaceId}`,
    z.record(z.string(), z.unknown()),
  );
  const rows: Record<string, string[]> = { workspaces: settings.map((row) => JSON.stringify(row)) };
  for (const { table } of tables) {
    const found = await queryRows(
      t.db,
      sql`select * from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
      z.record(z.string(), z.unknown()),
    );
    rows[table] = found.map((row) => JSON.stringify(row)).sort();
  }
  return rows;
}

async function lastAuditId(): Promise<number> {
  const [row] = await queryRows(
    t.db,
    sql`select max(id)::int as id from audit_log`,
    z.object({ id: z.number().nullable() }),
  );
  return row?.id ?? 0;
}

describe("rule 10 inside the use cases", () => {
  it.each(USE_CASES)("$name refuses a member, changes nothing and records the attempt", async (useCase) => {
    const { s, call } = await arrange(useCase);
    const before = await workspaceRows(s.f.workspaceId);
    const auditedBefore = await lastAuditId();

    const outcome = await call(member);

    expect(outcome).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
    expect(await workspaceRows(s.f.workspaceId)).toEqual(before);
    const audited = await t.db
      .select({ actor: auditLog.actor, action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, s.f.workspaceId), gt(auditLog.id, auditedBefore)));
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actor).toBe(member.userId);
    expect(JSON.stringify(audited[0]?.after)).toContain("NOT_ALLOWED");
  });

  it.each(USE_CASES)(
    "$name does it for an admin, so the member's call was one that would change something",
    async (useCase) => {
      const { s, call } = await arrange(useCase);
      const before = await workspaceRows(s.f.workspaceId);
      expect(await call(admin)).toMatchObject({ ok: true });
      expect(await workspaceRows(s.f.workspaceId)).not.toEqual(before);
    },
  );
});
