import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people, products, workspaces } from "../../../src/db/schema/index.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import type { RecordedCall } from "../../../src/local-slack/fake-slack-api.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { exampleCatalog } from "../../helpers/factories.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import {
  buttonValues,
  clickHomeButton,
  homeBlocks,
  homeText,
  nextPublish,
  openHome,
} from "./app-home-helpers.ts";

const app = useRunningSlackApp();
const s = ids.setup;
const CHANNEL = "C0LICENSES";

type View = {
  callback_id?: string;
  private_metadata?: string;
  blocks?: { block_id?: string; element?: unknown }[];
};

/**
 * A workspace as installed: no location, no products, one Slack admin, and a member. The tests of
 * this file share it and run in order: the first two find it as installed.
 */
let installed: Record<"admin" | "member" | "colleague", { id: string }> | undefined;
async function freshWorkspace() {
  await ensureWorkspace(app.db, { id: app.teamId, name: "fresh" });
  installed ??= {
    admin: app.fake.users.add({ name: "admin", is_admin: true }),
    member: app.fake.users.add({ name: "member" }),
    colleague: app.fake.users.add({ name: "colleague" }),
  };
  return installed;
}

/** Clicks a checklist button and resolves with the modal that replaced the loading view. */
async function openModal(userId: string, actionId: string, value: string) {
  const before = app.fake.callsTo("views.update").length;
  const click = await clickHomeButton(app, userId, { actionId, value });
  expect(click.status).toBe(200);
  const [update] = await until(() => app.fake.callsTo("views.update").slice(before), 1);
  return { view: update?.args.view as View, viewId: update?.args.view_id as string };
}

function submit(userId: string, opened: { view: View; viewId: string }, values: Record<string, unknown>) {
  return postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    view: {
      id: opened.viewId,
      hash: "1",
      type: "modal",
      callback_id: opened.view.callback_id,
      private_metadata: opened.view.private_metadata ?? "",
      state: { values },
    },
  });
}

const input = (block: string, value: object) => ({ [block]: { [s.inputAction]: value } });

/** Submits a set-up modal and resolves with the admin's Home published after it. */
async function submitAndRepublish(userId: string, opened: { view: View; viewId: string }, values: object) {
  const before = app.fake.callsTo("views.publish").length;
  const response = await submit(userId, opened, values as Record<string, unknown>);
  expect(response.status).toBe(200);
  return nextPublish(app, userId, before);
}

/** One checklist item's words: its title, done or not, and what is set now. */
function item(home: RecordedCall, title: string): string {
  return homeBlocks(home).find((b) => b.text?.text.startsWith(`*${title}*\n`))?.text?.text ?? "";
}

describe("the admin's set-up checklist on App Home", () => {
  it("never shows a member the checklist, and refuses a member's submission of a set-up form", async () => {
    const { admin, member } = await freshWorkspace();
    const home = await openHome(app, member.id);
    expect(homeText(home)).not.toContain("Set up License Desk");
    expect(buttonValues(home, s.locationAction)).toEqual([]);
    expect(buttonValues(home, ids.home.requestLicenseAction)).toHaveLength(1);

    // Opened as the admin, sent as the member: the use case refuses and records it.
    await openHome(app, admin.id);
    const location = await openModal(admin.id, s.locationAction, "location");
    await submit(member.id, location, input(s.locationBlock, { type: "plain_text_input", value: "SE" }));
    await app.settled();
    const [row] = await app.db.select().from(workspaces).where(eq(workspaces.id, app.teamId));
    expect(row?.defaultUsageLocation).toBeNull();
    const refusals = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, member.id), eq(auditLog.action, "refused")));
    expect(refusals).toHaveLength(1);
  });

  it("starts with every item not done, sets each through its modal, then shows the dashboard", async () => {
    const { admin, colleague } = await freshWorkspace();
    let home = await openHome(app, admin.id);
    expect(home.error).toBeUndefined();
    expect(homeText(home)).toContain("Set up License Desk");
    expect(homeText(home)).toContain("1 of 5 done");
    for (const title of [
      "Default usage location",
      "Products",
      "Where requests go",
      "Products new people get",
    ])
      expect(item(home, title)).toContain("Not done");
    // One admin is enough to be set up (a small company often has one); a second is recommended.
    expect(item(home, "Who administers licenses")).toMatch(
      /Done · 1 person: admin\. Recommended: give at least 2/,
    );
    expect(item(home, "Products")).toContain("npm run catalog -- import");
    expect(item(home, "Where requests go")).toContain("direct message");
    for (const action of [s.locationAction, s.adminsAction, s.approvalsAction, s.defaultsAction])
      expect(buttonValues(home, action)).toHaveLength(1);
    expect(buttonValues(home, ids.home.openProductsAction)).toHaveLength(1);
    expect(homeText(home)).not.toContain("Seats");

    // The default location: the command's rule refuses what is no country, beside the field.
    const location = await openModal(admin.id, s.locationAction, "location");
    expect(location.view.callback_id).toBe(s.locationCallbackId);
    const refused = await submit(
      admin.id,
      location,
      input(s.locationBlock, { type: "plain_text_input", value: "XX" }),
    );
    expect(refused.body).toMatchObject({
      response_action: "errors",
      errors: { [s.locationBlock]: expect.stringContaining("two-letter country code") },
    });
    home = await submitAndRepublish(
      admin.id,
      location,
      input(s.locationBlock, { type: "plain_text_input", value: "se" }),
    );
    expect(item(home, "Default usage location")).toMatch(/Done · SE/);
    expect(homeText(home)).toContain("2 of 5 done");

    // Products: the products modal opens on its form (there are none), and a saved one counts.
    const productForm = await openModal(admin.id, ids.home.openProductsAction, "products");
    expect(productForm.view.callback_id).toBe(ids.products.formCallbackId);
    const p = ids.products;
    const text = (value: string) => ({ [p.inputAction]: { type: "plain_text_input", value } });
    home = await submitAndRepublish(admin.id, productForm, {
      [p.nameBlock]: text("Exchange Online Plan 1"),
      [p.keyBlock]: text("exchange-1"),
      [p.seatsBlock]: { [p.inputAction]: { type: "number_input", value: "5" } },
      [p.defaultBlock]: { [p.inputAction]: { type: "checkboxes", selected_options: [] } },
      [p.newPlanKindBlock]: {
        [p.inputAction]: { type: "static_select", selected_option: { value: "mailbox" } },
      },
      [p.newPlanNameBlock]: text("Exchange Online"),
      [p.newPlanDataBlock]: text("the mailbox"),
      [p.newPlanLocationsBlock]: text(""),
      [p.newPlanInstallLimitBlock]: { [p.inputAction]: { type: "number_input", value: null } },
    });
    expect(item(home, "Products")).toMatch(/Done · 1 product in the catalog/);

    // Admins: the same right `/license admins add` gives.
    const admins = await openModal(admin.id, s.adminsAction, "admins");
    expect(admins.view.callback_id).toBe(s.adminsCallbackId);
    home = await submitAndRepublish(
      admin.id,
      admins,
      input(s.adminsBlock, { type: "multi_users_select", selected_users: [colleague.id] }),
    );
    expect(item(home, "Who administers licenses")).toMatch(/Done · 2 people: admin, colleague/);
    expect(item(home, "Who administers licenses")).not.toContain("Recommended");
    const [granted] = await app.db.select().from(people).where(eq(people.slackUserId, colleague.id));
    expect(granted?.isGrantedAdmin).toBe(true);

    // Where requests go: a channel must be picked when a channel is chosen; the invite is asked for.
    const approvals = await openModal(admin.id, s.approvalsAction, "approvals");
    expect(approvals.view.callback_id).toBe(s.approvalsCallbackId);
    const toChannel = input(s.routeBlock, { type: "radio_buttons", selected_option: { value: "channel" } });
    const noChannel = await submit(admin.id, approvals, {
      ...toChannel,
      ...input(s.channelBlock, { type: "conversations_select", selected_conversation: null }),
    });
    expect(noChannel.body).toMatchObject({
      response_action: "errors",
      errors: { [s.channelBlock]: expect.any(String) },
    });
    home = await submitAndRepublish(admin.id, approvals, {
      ...toChannel,
      ...input(s.channelBlock, { type: "conversations_select", selected_conversation: CHANNEL }),
    });
    expect(item(home, "Where requests go")).toContain(`Done · To <#${CHANNEL}>. Invite the app there`);

    // The products new people get (rule 2).
    const defaults = await openModal(admin.id, s.defaultsAction, "defaults");
    expect(defaults.view.callback_id).toBe(s.defaultsCallbackId);
    const [product] = await app.db.select().from(products).where(eq(products.workspaceId, app.teamId));
    home = await submitAndRepublish(
      admin.id,
      defaults,
      input(s.defaultsBlock, { type: "multi_static_select", selected_options: [{ value: product?.id }] }),
    );

    // All done: the dashboard, with a way back to the checklist.
    expect(homeText(home)).toContain("Seats");
    expect(homeText(home)).not.toContain("Set up License Desk");
    expect(buttonValues(home, s.showAction)).toHaveLength(1);
    const before = app.fake.callsTo("views.publish").length;
    await clickHomeButton(app, admin.id, { actionId: s.showAction, value: "setup" });
    const checklist = await nextPublish(app, admin.id, before);
    expect(homeText(checklist)).toContain("Set-up is complete");
    expect(item(checklist, "Products new people get")).toMatch(
      /Done · Exchange Online Plan 1: given to each person/,
    );
    expect(buttonValues(checklist, s.dashboardAction)).toHaveLength(1);

    const audits = await app.db
      .select({ action: auditLog.action, actor: auditLog.actor })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, app.teamId), eq(auditLog.actor, admin.id)));
    expect(audits.map((a) => a.action).sort()).toEqual([
      "admin.granted",
      "catalog.defaults_set",
      "product.created",
      "workspace.approvals_route_set",
      "workspace.default_usage_location_set",
    ]);
  });

  it("sends a member's request to the channel the admins chose, and to DMs once they choose those", async () => {
    const { admin, member } = await freshWorkspace();
    const imported = await importCatalog(app.db, systemClock, {
      workspaceId: app.teamId,
      catalog: await exampleCatalog(),
      actor: { userId: "system", source: "cli" },
    });
    expect(imported.ok).toBe(true);
    await upsertPeople(app.db, {
      workspaceId: app.teamId,
      people: [{ slackUserId: admin.id, name: "admin", isSlackAdmin: true }],
    });
    await openHome(app, admin.id);
    const approvals = await openModal(admin.id, s.approvalsAction, "approvals");
    await submitAndRepublish(admin.id, approvals, {
      ...input(s.routeBlock, { type: "radio_buttons", selected_option: { value: "channel" } }),
      ...input(s.channelBlock, { type: "conversations_select", selected_conversation: CHANNEL }),
    });
    await app.command(member.id, "request office");
    await app.settled();
    expect(app.fake.messages.filter((m) => m.channel === CHANNEL)).toHaveLength(1);

    const again = await openModal(admin.id, s.approvalsAction, "approvals");
    await submitAndRepublish(
      admin.id,
      again,
      input(s.routeBlock, { type: "radio_buttons", selected_option: { value: "direct_messages" } }),
    );
    const [row] = await app.db.select().from(workspaces).where(eq(workspaces.id, app.teamId));
    expect(row).toMatchObject({ approvalsRoute: "direct_messages", approvalsChannelId: null });
    await app.command(member.id, "request exchange-1");
    await app.settled();
    expect(app.fake.messages.filter((m) => m.channel === CHANNEL)).toHaveLength(1);
  });
});
