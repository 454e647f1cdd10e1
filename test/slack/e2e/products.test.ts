import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, products } from "../../../src/db/schema/index.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { servicesOf } from "../../helpers/factories.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();
const p = ids.products;

type View = { callback_id?: string; blocks?: { block_id?: string }[]; private_metadata?: string };

async function setUp() {
  const { productId } = await app.exampleWorkspace();
  return {
    admin: app.fake.users.add({ name: "admin", is_admin: true }),
    member: app.fake.users.add({ name: "member" }),
    productId,
  };
}

/** The next modal the app shows with `callbackId`, after `start` has run. */
async function nextView(callbackId: string, start: () => Promise<unknown>) {
  const before = app.fake.callsTo("views.update").length;
  await start();
  const [update] = await until(
    () =>
      app.fake
        .callsTo("views.update")
        .slice(before)
        .filter(
          (c) => (c.args.view as View).callback_id === callbackId || !(c.args.view as View).callback_id,
        ),
    1,
  );
  return { view: update?.args.view as View, viewId: update?.args.view_id as string };
}

function submit(userId: string, viewId: string, view: View, values: Record<string, Record<string, unknown>>) {
  return postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    view: {
      id: viewId,
      hash: "1",
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? "",
      state: { values },
    },
  });
}

const text = (value: string) => ({ [p.inputAction]: { type: "plain_text_input", value } });

/** The form's values as a person leaves them: `fields` by block id, anything else empty. */
function formValues(
  view: View,
  fields: Record<string, string>,
  options: { kind?: string; isDefault?: boolean } = {},
) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks ?? []) {
    if (!block.block_id) continue;
    values[block.block_id] = text(fields[block.block_id] ?? "");
  }
  values[p.defaultBlock] = {
    [p.inputAction]: {
      type: "checkboxes",
      selected_options: options.isDefault ? [{ value: "default" }] : [],
    },
  };
  values[p.newPlanKindBlock] = {
    [p.inputAction]: {
      type: "static_select",
      selected_option: options.kind ? { value: options.kind } : null,
    },
  };
  return values;
}

/** `/license products`, then the picker's choice; resolves with the form. */
async function openForm(adminId: string, choice: string) {
  const picker = await nextView(p.pickCallbackId, () =>
    app.command(adminId, "products", { waitForReplies: 0 }),
  );
  expect(picker.view.callback_id).toBe(p.pickCallbackId);
  const form = await nextView(p.formCallbackId, () =>
    submit(adminId, picker.viewId, picker.view, {
      [p.pickBlock]: { [p.pickAction]: { type: "static_select", selected_option: { value: choice } } },
    }),
  );
  expect(form.view.callback_id).toBe(p.formCallbackId);
  return form;
}

const productByKey = async (key: string) =>
  (
    await app.db
      .select()
      .from(products)
      .where(and(eq(products.workspaceId, app.teamId), eq(products.key, key)))
  )[0];

describe("/license products", () => {
  it("saves a form sent twice once: the repeat is answered with nothing and calls nothing", async () => {
    const { admin } = await setUp();
    const { view, viewId } = await openForm(admin.id, "new");
    const values = formValues(
      view,
      {
        [p.nameBlock]: "Project Plan 3",
        [p.keyBlock]: "project-3",
        [p.seatsBlock]: "4",
        [p.newPlanNameBlock]: "Project desktop",
        [p.newPlanDataBlock]: "the plans kept online",
        [p.newPlanInstallLimitBlock]: "5",
      },
      { kind: "office_apps" },
    );
    const first = await submit(admin.id, viewId, view, values);
    expect(JSON.stringify(first.body)).toContain("Added *Project Plan 3*: 4 of 4 available.");
    await app.settled();
    const callsBefore = app.fake.calls.length;
    const again = await submit(admin.id, viewId, view, values);
    await app.settled();
    // Without the claim the repeat saves again, and the admin reads its key refused in the form.
    expect(again.body ?? "").toEqual("");
    expect(app.fake.calls.slice(callsBefore).map((call) => call.method)).toEqual([]);
    const created = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, app.teamId), eq(auditLog.action, "product.created")));
    expect(created.filter((row) => JSON.stringify(row.after).includes("project-3"))).toHaveLength(1);
  });

  it("adds a product with its first plan, as a default for new people", async () => {
    const { admin } = await setUp();
    const { view, viewId } = await openForm(admin.id, "new");
    const response = await submit(
      admin.id,
      viewId,
      view,
      formValues(
        view,
        {
          [p.nameBlock]: "Visio Plan 2",
          [p.keyBlock]: "Visio-2",
          [p.seatsBlock]: "5",
          [p.newPlanNameBlock]: "Visio desktop",
          [p.newPlanDataBlock]: "the drawings kept online",
          [p.newPlanLocationsBlock]: "cn, RU",
          [p.newPlanInstallLimitBlock]: "5",
        },
        { kind: "office_apps", isDefault: true },
      ),
    );
    expect(response.body).toMatchObject({ response_action: "update" });
    expect(JSON.stringify(response.body)).toContain("Added *Visio Plan 2*: 5 of 5 available.");
    const saved = await productByKey("visio-2");
    expect(saved).toMatchObject({ name: "Visio Plan 2", purchasedSeats: 5, isDefault: true });
    const plans = await servicesOf(app.db, saved?.id as string);
    expect(plans).toMatchObject([
      { name: "Visio desktop", kind: "office_apps", installLimit: 5, unavailableLocations: ["CN", "RU"] },
    ]);
    const audit = await app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, saved?.id as string));
    expect(audit).toMatchObject([{ action: "product.created", actor: admin.id, source: "modal" }]);
  });

  it("edits a product; a key in use and seats below the assigned count stand beside their fields", async () => {
    const { admin, member, productId } = await setUp();
    await app.command(admin.id, `assign <@${member.id}> lync`);
    const { view, viewId } = await openForm(admin.id, productId("lync-p2"));
    expect(JSON.stringify(view)).toContain("Lync Online Plan 2");
    const fields = {
      [p.nameBlock]: "Lync Online Plan 2",
      [p.keyBlock]: "lync-p2",
      [p.seatsBlock]: "0",
      [`${p.planNameBlockPrefix}0`]: "Lync Online",
      [`${p.planLocationsBlockPrefix}0`]: "",
    };
    const below = await submit(admin.id, viewId, view, formValues(view, fields));
    expect(below.body).toMatchObject({
      response_action: "errors",
      errors: { [p.seatsBlock]: expect.stringMatching(/free \d+/i) },
    });
    const taken = await submit(
      admin.id,
      viewId,
      view,
      formValues(view, { ...fields, [p.seatsBlock]: "9", [p.keyBlock]: "exchange-p1" }),
    );
    expect(taken.body).toMatchObject({
      response_action: "errors",
      errors: {
        [p.keyBlock]: expect.stringContaining("Another product already has that key. Choose another key"),
      },
    });
    const good = await submit(
      admin.id,
      viewId,
      view,
      formValues(view, {
        ...fields,
        [p.seatsBlock]: "9",
        [p.nameBlock]: "Lync Plan 2",
        [`${p.planLocationsBlockPrefix}0`]: "ir cn",
      }),
    );
    expect(JSON.stringify(good.body)).toMatch(/Saved \*Lync Plan 2\*: \d of 9 available\./);
    const saved = await productByKey("lync-p2");
    expect(saved).toMatchObject({ name: "Lync Plan 2", purchasedSeats: 9 });
    const [plan] = await servicesOf(app.db, productId("lync-p2"));
    expect(plan).toMatchObject({ name: "Lync Online", unavailableLocations: ["CN", "IR"] });
    const updates = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, productId("lync-p2")), eq(auditLog.action, "product.updated")));
    expect(updates).toHaveLength(1);
  });

  it("answers bad input beside each field and saves nothing", async () => {
    const { admin } = await setUp();
    const { view, viewId } = await openForm(admin.id, "new");
    const response = await submit(
      admin.id,
      viewId,
      view,
      formValues(view, {
        [p.nameBlock]: "",
        [p.keyBlock]: "Bad Key!",
        [p.seatsBlock]: "-2",
        [p.newPlanLocationsBlock]: "Sweden",
      }),
    );
    expect(response.body).toMatchObject({
      response_action: "errors",
      errors: {
        [p.nameBlock]: expect.any(String),
        [p.keyBlock]: expect.stringContaining("lowercase"),
        [p.seatsBlock]: expect.any(String),
        [p.newPlanKindBlock]: expect.stringContaining("needs a service plan"),
        [p.newPlanLocationsBlock]: expect.stringContaining("Sweden"),
      },
    });
  });

  it("refuses a member, at the command and at a forged submission", async () => {
    const { admin, member, productId } = await setUp();
    const refused = await nextView("", () => app.command(member.id, "products", { waitForReplies: 0 }));
    expect(JSON.stringify(refused.view)).toContain("Only license admins");
    const { view, viewId } = await openForm(admin.id, productId("exchange-p1"));
    const forged = await submit(
      member.id,
      viewId,
      view,
      formValues(view, {
        [p.nameBlock]: "Mine",
        [p.keyBlock]: "mine",
        [p.seatsBlock]: "1000",
        [`${p.planNameBlockPrefix}0`]: "Exchange Online",
      }),
    );
    expect(JSON.stringify(forged.body)).toContain("Only license admins");
    expect(await productByKey("mine")).toBeUndefined();
    // The command was refused by the Slack layer before any form; the submission by saveProduct.
    const refusals = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, member.id), eq(auditLog.action, "refused")))
      .orderBy(auditLog.id);
    expect(refusals.map((r) => r.after)).toEqual([
      { attempted: "products", reason: "NOT_ALLOWED" },
      { attempted: "save-product", reason: "NOT_ALLOWED" },
    ]);
  });

  it("opens from App Home's button", async () => {
    const { admin } = await setUp();
    const picker = await nextView(p.pickCallbackId, () =>
      postInteraction(app.url, SIGNING_SECRET, {
        type: "block_actions",
        team: { id: app.teamId, domain: "fake" },
        user: { id: admin.id, team_id: app.teamId },
        api_app_id: "A0FAKEAPP1",
        trigger_id: app.fake.issueTriggerId(),
        container: { type: "view", view_id: "VHOME" },
        actions: [
          {
            type: "button",
            action_id: ids.home.openProductsAction,
            block_id: "b",
            value: "products",
            action_ts: "1",
          },
        ],
      }),
    );
    expect(picker.view.callback_id).toBe(p.pickCallbackId);
    expect(JSON.stringify(picker.view)).toContain("A new product");
  });
});
