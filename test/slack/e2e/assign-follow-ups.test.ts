import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, products, workspaces } from "../../../src/db/schema/index.ts";
import { dmChannelFor } from "../../../src/local-slack/fake-slack-api.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import { heldBy, personRow, workspaceWithAdminOf } from "./event-deliveries.ts";

const app = useRunningSlackApp();
const workspaceWithAdmin = workspaceWithAdminOf(app);

type Block = { type: string; accessory?: { action_id?: string; value?: string } };
type Reply = { text?: string; blocks?: Block[]; replace_original?: boolean };
type View = { callback_id?: string; private_metadata?: string; blocks?: unknown[] };

const textOf = (reply: Reply | undefined) => `${reply?.text ?? ""} ${JSON.stringify(reply?.blocks ?? [])}`;
const buttonIn = (reply: Reply | undefined, actionId: string) =>
  reply?.blocks?.find((b) => b.accessory?.action_id === actionId)?.accessory;

/** Clicks a button of an ephemeral reply; resolves with its response_url. */
async function click(userId: string, actionId: string, value: string) {
  const responseUrl = app.fake.responseUrl();
  const response = await postInteraction(app.url, SIGNING_SECRET, {
    type: "block_actions",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    response_url: responseUrl,
    container: { type: "message", is_ephemeral: true },
    actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1.2" }],
  });
  expect(response.status).toBe(200);
  return responseUrl;
}

const answerAt = async (responseUrl: string) =>
  (await until(() => app.fake.responses(responseUrl), 1))[0] as Reply;

const lyncSeats = async (productId: string) =>
  (
    await app.db.select({ assigned: products.assignedSeats }).from(products).where(eq(products.id, productId))
  )[0]?.assigned;

describe("an assign the admin can resolve at once", () => {
  it("a product nothing of which runs where the person is: refused, no seat, until Assign anyway", async () => {
    const { admin, productId } = await workspaceWithAdmin();
    const wei = app.fake.users.add({ name: "wei" });
    await app.command(admin.id, `location <@${wei.id}> CN`);
    const before = await lyncSeats(productId("lync-p2"));

    const refused = (await app.command(admin.id, `assign <@${wei.id}> lync-p2`)).replies[0] as Reply;
    expect(textOf(refused)).toContain("None of the services of *Lync Online Plan 2* (Lync Online) can run");
    expect(textOf(refused)).toContain("usage location CN");
    expect(textOf(refused)).toContain("Microsoft 365 allows");
    const anyway = buttonIn(refused, ids.assignFollowUp.anywayAction);
    expect(anyway?.value).toBeDefined();
    await app.settled();
    expect(await lyncSeats(productId("lync-p2"))).toBe(before);
    expect(await heldBy(app, wei.id)).toHaveLength(0);

    const member = app.fake.users.add({ name: "mo" });
    const byMember = await answerAt(
      await click(member.id, ids.assignFollowUp.anywayAction, anyway?.value as string),
    );
    expect(textOf(byMember)).toContain("Only license admins");
    expect(await heldBy(app, wei.id)).toHaveLength(0);

    const done = await answerAt(
      await click(admin.id, ids.assignFollowUp.anywayAction, anyway?.value as string),
    );
    expect(done.replace_original).toBe(true);
    expect(textOf(done)).toContain("Assigned *Lync Online Plan 2* to *wei*");
    expect(textOf(done)).toContain("none of its services could be turned on");
    expect(await lyncSeats(productId("lync-p2"))).toBe((before ?? 0) + 1);
    const [audit] = await app.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actor, admin.id),
          eq(auditLog.action, "license.assigned"),
          eq(auditLog.source, "button"),
        ),
      );
    expect(audit?.after).toMatchObject({ evenIfNothingRuns: true, person: { name: "wei" } });
    // Wei is told what they got (rule 12), as after any assign.
    const toWei = await until(() => app.fake.messages.filter((m) => m.channel === dmChannelFor(wei.id)), 1);
    expect(toWei.map((m) => m.text).join(" ")).toContain("Lync Online Plan 2");
  });

  it("a person with no usage location and no default: the modal sets it, then the assign is done", async () => {
    const { admin, productId } = await workspaceWithAdmin();
    await app.db.update(workspaces).set({ defaultUsageLocation: null }).where(eq(workspaces.id, app.teamId));
    const bo = app.fake.users.add({ name: "bo" });

    const refused = (await app.command(admin.id, `assign <@${bo.id}> exchange-p1`)).replies[0] as Reply;
    expect(textOf(refused)).toContain("no usage location");
    const open = buttonIn(refused, ids.assignFollowUp.setLocationAction);
    expect(open?.value).toBeDefined();

    const opensBefore = app.fake.callsTo("views.open").length;
    const responseUrl = await click(admin.id, ids.assignFollowUp.setLocationAction, open?.value as string);
    const [opened] = await until(() => app.fake.callsTo("views.open").slice(opensBefore), 1);
    expect(opened?.error).toBeUndefined();
    const view = opened?.args.view as View;
    expect(view.callback_id).toBe(ids.assignLocation.callbackId);
    expect(JSON.stringify(view)).toContain("Where bo uses the services");

    const f = ids.assignLocation;
    const submit = (location: string, alsoDefault: boolean) =>
      postInteraction(app.url, SIGNING_SECRET, {
        type: "view_submission",
        team: { id: app.teamId, domain: "fake" },
        user: { id: admin.id, team_id: app.teamId },
        api_app_id: "A0FAKEAPP1",
        view: {
          id: `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
          hash: "1",
          type: "modal",
          callback_id: view.callback_id,
          private_metadata: view.private_metadata ?? "",
          state: {
            values: {
              [f.locationBlock]: { [f.locationAction]: { type: "plain_text_input", value: location } },
              [f.defaultBlock]: {
                [f.defaultAction]: {
                  type: "checkboxes",
                  selected_options: alsoDefault ? [{ value: "default" }] : [],
                },
              },
            },
          },
        },
      });
    const bad = await submit("xx", true);
    expect(bad.body).toMatchObject({
      response_action: "errors",
      errors: { [f.locationBlock]: expect.any(String) },
    });
    await app.settled();
    expect((await personRow(app, bo.id))?.usageLocation).toBeNull();

    expect((await submit("se", true)).status).toBe(200);
    const answer = await answerAt(responseUrl);
    expect(textOf(answer)).toContain("default usage location is now SE");
    expect(textOf(answer)).toContain("Assigned *Exchange Online Plan 1* to *bo*");
    expect((await personRow(app, bo.id))?.usageLocation).toBe("SE");
    const [workspace] = await app.db.select().from(workspaces).where(eq(workspaces.id, app.teamId));
    expect(workspace?.defaultUsageLocation).toBe("SE");
    expect((await heldBy(app, bo.id)).map((a) => a.productId)).toEqual([productId("exchange-p1")]);
    const person = await personRow(app, bo.id);
    const audits = await app.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.targetId, person?.id as string), eq(auditLog.action, "person.usage_location_set")),
      );
    expect(audits).toMatchObject([{ actor: admin.id, source: "modal", after: { usageLocation: "SE" } }]);
  });
});
