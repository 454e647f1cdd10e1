import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, products } from "../../../src/db/schema/index.ts";
import { setDefaultProducts } from "../../../src/licensing/catalog/set-default-products.ts";
import {
  getSetupChecklist,
  setupComplete,
  setupDone,
} from "../../../src/licensing/home/get-setup-checklist.ts";
import { adminRecipients } from "../../../src/licensing/outbox/recipients.ts";
import { inTransaction } from "../../../src/licensing/outcome.ts";
import { setApprovalsRoute } from "../../../src/licensing/workspaces/set-approvals-route.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture } from "../../helpers/factories.ts";

const t = useTestDatabase();
const PROCESS_CHANNEL = "C0PROCESS";

const recipients = (workspaceId: string, processSetting?: string) =>
  inTransaction(t.db, (tx) => adminRecipients(tx, workspaceId, processSetting));

describe("where a workspace's requests go", () => {
  it("follows the process setting until an admin chooses, then the admins' choice", async () => {
    const f = await createFixture(t.db);
    expect(await recipients(f.workspaceId, PROCESS_CHANNEL)).toEqual([PROCESS_CHANNEL]);
    expect(await recipients(f.workspaceId)).toEqual([admin.userId]);

    const toChannel = { route: "channel" as const, channelId: "C0CHOSEN" };
    expect(
      await setApprovalsRoute(t.db, f.clock, { workspaceId: f.workspaceId, choice: toChannel, actor: admin }),
    ).toMatchObject({ ok: true });
    expect(await recipients(f.workspaceId, PROCESS_CHANNEL)).toEqual(["C0CHOSEN"]);

    const toDms = { route: "direct_messages" as const };
    await setApprovalsRoute(t.db, f.clock, { workspaceId: f.workspaceId, choice: toDms, actor: admin });
    expect(await recipients(f.workspaceId, PROCESS_CHANNEL)).toEqual([admin.userId]);

    const audits = await t.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(
        and(eq(auditLog.workspaceId, f.workspaceId), eq(auditLog.action, "workspace.approvals_route_set")),
      );
    expect(audits).toEqual([
      { before: { route: null, channelId: null }, after: { route: "channel", channelId: "C0CHOSEN" } },
      {
        before: { route: "channel", channelId: "C0CHOSEN" },
        after: { route: "direct_messages", channelId: null },
      },
    ]);
  });

  it("is chosen by admins only: anyone else is refused, on the record, and nothing changes", async () => {
    const f = await createFixture(t.db);
    const [memberId] = await f.addPeople([{}]);
    const member = { userId: `U${f.workspaceId}1`, source: "modal" as const };
    expect(memberId).toBeDefined();
    const refused = await setApprovalsRoute(t.db, f.clock, {
      workspaceId: f.workspaceId,
      choice: { route: "direct_messages" },
      actor: member,
    });
    expect(refused).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
    expect((await getSetupChecklist(t.db, { workspaceId: f.workspaceId })).approvals).toBeNull();
    const refusals = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, f.workspaceId), eq(auditLog.actor, member.userId)));
    expect(refusals.map((r) => r.action)).toEqual(["refused"]);
  });
});

describe("the products new people get (rule 2)", () => {
  it("become exactly the ones chosen, refuse an unknown product whole, and admins only", async () => {
    const f = await createFixture(t.db);
    const office = await f.productId("office");
    const exchange = await f.productId("exchange-p1");
    const defaults = async () =>
      (
        await t.db
          .select({ id: products.id })
          .from(products)
          .where(and(eq(products.workspaceId, f.workspaceId), eq(products.isDefault, true)))
      ).map((p) => p.id);
    const set = (productIds: string[], actor = admin) =>
      setDefaultProducts(t.db, f.clock, { workspaceId: f.workspaceId, productIds, actor });

    expect(await set([exchange])).toMatchObject({ ok: true, changed: true });
    expect(await defaults()).toEqual([exchange]);
    expect(await set([exchange, "00000000-0000-4000-8000-000000000000"])).toMatchObject({
      code: "UNKNOWN_PRODUCT",
    });
    expect(await defaults()).toEqual([exchange]);
    expect(await set([office], { userId: "USOMEONE", source: "modal" })).toMatchObject({
      code: "NOT_ALLOWED",
    });
    expect(await defaults()).toEqual([exchange]);
    expect(await set([])).toMatchObject({ ok: true, defaults: [] });
    expect(await defaults()).toEqual([]);
    expect(setupDone(await getSetupChecklist(t.db, { workspaceId: f.workspaceId })).defaults).toBe(false);
  });
});

describe("the set-up checklist's data", () => {
  it("is done only when every item is, each read from what is recorded", async () => {
    const f = await createFixture(t.db);
    const workspaceId = f.workspaceId;
    await f.addPeople([{ isSlackAdmin: true }]);
    await setDefaultProducts(t.db, f.clock, {
      workspaceId,
      productIds: [await f.productId("office")],
      actor: admin,
    });
    let checklist = await getSetupChecklist(t.db, { workspaceId });
    expect(setupDone(checklist)).toMatchObject({
      products: true,
      admins: true,
      defaults: true,
      approvals: false,
    });
    expect(setupComplete(checklist)).toBe(false);
    await setApprovalsRoute(t.db, f.clock, {
      workspaceId,
      choice: { route: "direct_messages" },
      actor: admin,
    });
    checklist = await getSetupChecklist(t.db, { workspaceId });
    expect(setupComplete(checklist)).toBe(true);
  });
});
