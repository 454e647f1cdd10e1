import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, auditLog, people } from "../../../src/db/schema/index.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

async function setUp(members: number) {
  const { productId } = await app.exampleWorkspace();
  return {
    admin: app.fake.users.add({ name: "admin", is_admin: true }),
    members: Array.from({ length: members }, (_, i) => app.fake.users.add({ name: `member${i}` })),
    productId,
  };
}

/** What Slack sends when the form is submitted. */
function formSubmission(
  userId: string,
  viewId: string,
  values: { users: string[]; add: string[]; mode: "add" | "replace" },
) {
  const f = ids.bulkForm;
  return {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    view: {
      id: viewId,
      hash: "1",
      type: "modal",
      callback_id: f.callbackId,
      private_metadata: JSON.stringify({ workspaceId: app.teamId }),
      state: {
        values: {
          [f.peopleBlock]: { [f.peopleAction]: { type: "multi_users_select", selected_users: values.users } },
          [f.addBlock]: {
            [f.addAction]: {
              type: "multi_static_select",
              selected_options: values.add.map((value) => ({ value })),
            },
          },
          [f.removeBlock]: { [f.removeAction]: { type: "multi_static_select", selected_options: [] } },
          [f.modeBlock]: {
            [f.modeAction]: { type: "radio_buttons", selected_option: { value: values.mode } },
          },
        },
      },
    },
  };
}

const previewSubmission = (userId: string, viewId: string) => ({
  type: "view_submission",
  team: { id: app.teamId, domain: "fake" },
  user: { id: userId, team_id: app.teamId },
  api_app_id: "A0FAKEAPP1",
  view: {
    id: viewId,
    hash: "2",
    type: "modal",
    callback_id: ids.bulkPreview.callbackId,
    private_metadata: "",
    state: { values: {} },
  },
});

/** Opens the form as an admin would, with `/license bulk`; returns the id Slack gave the modal. */
async function openForm(adminId: string): Promise<string> {
  const before = app.fake.callsTo("views.update").length;
  await app.command(adminId, "bulk", { waitForReplies: 0 });
  const [form] = await until(
    () =>
      app.fake
        .callsTo("views.update")
        .slice(before)
        .filter((c) => (c.args.view as { callback_id?: string })?.callback_id === ids.bulkForm.callbackId),
    1,
  );
  expect(form?.error).toBeUndefined();
  return form?.args.view_id as string;
}

/** Views the app pushed into one modal, in order, as the fake recorded them. */
const viewsOf = (viewId: string) =>
  app.fake
    .callsTo("views.update")
    .filter((c) => c.args.view_id === viewId)
    .map((c) => JSON.stringify(c.args.view));

describe("the bulk modal", () => {
  it("asks for people and products on the field, with Slack's error response", async () => {
    const { admin } = await setUp(0);
    const response = await postInteraction(
      app.url,
      SIGNING_SECRET,
      formSubmission(admin.id, "VBULK0", { users: [], add: [], mode: "add" }),
    );
    expect(response.body).toMatchObject({
      response_action: "errors",
      errors: {
        [ids.bulkForm.peopleBlock]: "Choose at least one person.",
        [ids.bulkForm.addBlock]: expect.any(String),
      },
    });
  });

  it("shows a shortfall in the preview and offers no Apply", async () => {
    const { admin, members, productId } = await setUp(7);
    const viewId = await openForm(admin.id);
    await postInteraction(
      app.url,
      SIGNING_SECRET,
      formSubmission(admin.id, viewId, {
        users: members.map((m) => m.id),
        add: [productId("lync-p2")],
        mode: "replace",
      }),
    );
    const views = await until(() => viewsOf(viewId).filter((v) => v.includes(ids.bulkPreview.callbackId)), 1);
    expect(views[0]).toContain("*Lync Online Plan 2* is 2 seats short.");
    expect(views[0]).not.toContain('"submit"');
  });

  it("applies a replace once however often the preview is submitted, and says what it did", async () => {
    const { admin, members, productId } = await setUp(3);
    const viewId = await openForm(admin.id);
    await postInteraction(
      app.url,
      SIGNING_SECRET,
      formSubmission(admin.id, viewId, {
        users: members.map((m) => m.id),
        add: [productId("exchange-p1")],
        mode: "replace",
      }),
    );
    const previews = await until(
      () => viewsOf(viewId).filter((v) => v.includes(ids.bulkPreview.callbackId)),
      1,
    );
    expect(previews[0]).toContain("*3 people*: *3 licenses* given, *0* taken away.");
    expect(previews[0]).toContain('"submit"');
    await postInteraction(app.url, SIGNING_SECRET, previewSubmission(admin.id, viewId));
    await postInteraction(app.url, SIGNING_SECRET, previewSubmission(admin.id, viewId));
    const results = await until(() => viewsOf(viewId).filter((v) => v.includes("Bulk change applied")), 2);
    expect(results[0]).toContain("3 people changed, 3 licenses given");
    const rows = await app.db
      .select({ id: people.id })
      .from(people)
      .where(
        inArray(
          people.slackUserId,
          members.map((m) => m.id),
        ),
      );
    const held = await app.db
      .select()
      .from(assignments)
      .where(
        inArray(
          assignments.personId,
          rows.map((r) => r.id),
        ),
      );
    expect(held).toHaveLength(3);
    expect(held.every((h) => h.productId === productId("exchange-p1"))).toBe(true);
    expect(app.fake.callsTo("views.update").filter((c) => c.args.view_id === viewId && c.error)).toEqual([]);
  });

  it("refuses a member's forged submission of an admin's preview, and records it", async () => {
    const { admin, members, productId } = await setUp(1);
    const member = members[0] as { id: string };
    const viewId = await openForm(admin.id);
    await postInteraction(
      app.url,
      SIGNING_SECRET,
      formSubmission(admin.id, viewId, { users: [member.id], add: [productId("exchange-p1")], mode: "add" }),
    );
    await until(() => viewsOf(viewId).filter((v) => v.includes(ids.bulkPreview.callbackId)), 1);
    await postInteraction(app.url, SIGNING_SECRET, previewSubmission(member.id, viewId));
    const refused = await until(() => viewsOf(viewId).filter((v) => v.includes("Only license admins")), 1);
    expect(refused).toHaveLength(1);
    const [row] = await app.db.select().from(people).where(eq(people.slackUserId, member.id));
    expect(
      await app.db
        .select()
        .from(assignments)
        .where(eq(assignments.personId, row?.id as string)),
    ).toEqual([]);
    // applyBulkChange refused it: the Slack layer no longer checks this step itself.
    const refusals = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, member.id), eq(auditLog.action, "refused")));
    expect(refusals.map((r) => r.after)).toEqual([{ attempted: "apply-bulk-change", reason: "NOT_ALLOWED" }]);
  });
});
