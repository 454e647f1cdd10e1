import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminNotifications, auditLog, workspaces } from "../../../src/db/schema/index.ts";
import { systemActor } from "../../../src/licensing/actor.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { reactivateWorkspace } from "../../../src/licensing/workspaces/reactivate-workspace.ts";
import { useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import { appServing, deliver, envelope, newEventId } from "./event-deliveries.ts";

const app = useRunningSlackApp();

const noSeatsProduct = {
  key: "office",
  name: "Office",
  purchasedSeats: 0,
  isDefault: true,
  plans: [{ key: "exchange", name: "Exchange Online", kind: "mailbox", dataDescription: "Mailbox" }],
};

const row = async (id: string) => (await app.db.select().from(workspaces).where(eq(workspaces.id, id)))[0];
const deactivations = (workspaceId: string) =>
  app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "workspace.deactivated")));

describe("app_uninstalled and tokens_revoked", () => {
  it("app_uninstalled marks the workspace inactive, once however often delivered", async () => {
    await ensureWorkspace(app.db, { id: "T0UNINST01", name: "T0UNINST01" });
    const served = await appServing(app, "T0UNINST01");
    const body = envelope(app, newEventId(), { type: "app_uninstalled" }, "T0UNINST01");
    expect(await deliver(body, 3, served.url)).toEqual([200, 200, 200]);
    await served.settled();
    const after = await row("T0UNINST01");
    expect(after).toMatchObject({ active: false });
    expect(after?.deactivatedAt).toBeInstanceOf(Date);
    const audits = await deactivations("T0UNINST01");
    expect(audits).toHaveLength(1);
    expect(audits[0]?.after).toEqual({ active: false, reason: "app_uninstalled" });

    // Installed again; then Slack's last retry of the uninstall arrives, five minutes late.
    await app.db.transaction((tx) =>
      reactivateWorkspace(tx, new Date(), {
        workspaceId: "T0UNINST01",
        actor: systemActor("event"),
      }),
    );
    expect(await deliver(body, 1, served.url, 3)).toEqual([200]);
    await served.settled();
    expect(await row("T0UNINST01")).toMatchObject({ active: true });
    expect(await deactivations("T0UNINST01")).toHaveLength(1);
  });

  it("tokens_revoked for the bot marks the workspace inactive; revoked user tokens alone do not", async () => {
    await ensureWorkspace(app.db, { id: "T0REVOKE01", name: "T0REVOKE01" });
    await ensureWorkspace(app.db, { id: "T0REVOKE02", name: "T0REVOKE02" });
    const [first, second] = [await appServing(app, "T0REVOKE01"), await appServing(app, "T0REVOKE02")];
    await deliver(
      envelope(
        app,
        newEventId(),
        { type: "tokens_revoked", tokens: { bot: [app.fake.botUserId] } },
        "T0REVOKE01",
      ),
      1,
      first.url,
    );
    await deliver(
      envelope(
        app,
        newEventId(),
        { type: "tokens_revoked", tokens: { oauth: ["U0SOMEONE1"] } },
        "T0REVOKE02",
      ),
      1,
      second.url,
    );
    await Promise.all([first.settled(), second.settled()]);
    expect((await row("T0REVOKE01"))?.active).toBe(false);
    expect((await row("T0REVOKE02"))?.active).toBe(true);
  });

  it("nothing more is sent to an inactive workspace: its admins' notifications wait", async () => {
    const workspaceId = "T0UNINST02";
    await ensureWorkspace(app.db, { id: workspaceId, name: workspaceId });
    const served = await appServing(app, workspaceId);
    const imported = await importCatalog(app.db, systemClock, {
      workspaceId,
      catalog: { products: [{ ...noSeatsProduct }] },
      actor: { userId: "system", source: "cli" },
    });
    expect(imported.ok).toBe(true);
    await upsertPeople(app.db, {
      workspaceId,
      people: [{ slackUserId: "U0INACTADM", name: "Admin", isSlackAdmin: true }],
    });
    await deliver(envelope(app, newEventId(), { type: "app_uninstalled" }, workspaceId), 1, served.url);
    await served.settled();
    expect((await row(workspaceId))?.active).toBe(false);
    const sent = served.fake.callsTo("chat.postMessage").length;
    const stranger = served.fake.users.add({ name: "stranger" });
    await deliver(
      envelope(app, newEventId(), { type: "team_join", user: stranger }, workspaceId),
      1,
      served.url,
    );
    await served.settled();
    const notes = await app.db
      .select()
      .from(adminNotifications)
      .where(eq(adminNotifications.workspaceId, workspaceId));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.deliveredAt).toBeNull();
    expect(served.fake.callsTo("chat.postMessage").length).toBe(sent);
  });
});
