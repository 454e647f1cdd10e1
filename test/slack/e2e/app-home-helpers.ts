import { setDefaultProducts } from "../../../src/licensing/catalog/set-default-products.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { getSeatUsage } from "../../../src/licensing/get-seat-usage.ts";
import { setApprovalsRoute } from "../../../src/licensing/workspaces/set-approvals-route.ts";
import type { RecordedCall } from "../../../src/local-slack/fake-slack-api.ts";
import { postEvent, postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, type useRunningSlackApp } from "../../helpers/slack/running-app.ts";

type RunningApp = ReturnType<typeof useRunningSlackApp>;

export interface HomeBlock {
  type: string;
  text?: { text: string };
  elements?: { text?: string | { text: string }; action_id?: string; value?: string }[];
  accessory?: { action_id?: string; value?: string };
}

let eventCounter = 0;

/** `app_home_opened` on the Home tab, as Slack sends it; resolves with the views.publish it caused. */
export async function openHome(app: RunningApp, userId: string): Promise<RecordedCall> {
  const before = app.fake.callsTo("views.publish").length;
  const response = await postEvent(app.url, SIGNING_SECRET, {
    token: "verification-token",
    team_id: app.teamId,
    api_app_id: "A0FAKEAPP1",
    type: "event_callback",
    event_id: `EvHOME${Date.now().toString(36)}${++eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: "app_home_opened", user: userId, channel: "D0HOME", tab: "home", event_ts: "1.1" },
  });
  if (response.status !== 200) throw new Error(`app_home_opened answered ${response.status}`);
  return nextPublish(app, userId, before);
}

/** The next views.publish for `userId` after the first `before` ones. */
export async function nextPublish(app: RunningApp, userId: string, before: number): Promise<RecordedCall> {
  const [call] = await until(
    () =>
      app.fake
        .callsTo("views.publish")
        .slice(before)
        .filter((c) => c.args.user_id === userId),
    1,
  );
  if (!call) throw new Error(`no views.publish for ${userId}`);
  return call;
}

export function homeBlocks(call: RecordedCall): HomeBlock[] {
  return ((call.args.view as { blocks?: HomeBlock[] }).blocks ?? []) as HomeBlock[];
}

export function homeText(call: RecordedCall): string {
  return homeBlocks(call)
    .flatMap((b) => [
      b.text?.text,
      ...(b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : "")),
    ])
    .join("\n");
}

export function buttonValues(call: RecordedCall, actionId: string): string[] {
  return homeBlocks(call).flatMap((b) =>
    [b.accessory, ...(b.elements ?? [])].flatMap((e) =>
      e?.action_id === actionId && e.value ? [e.value] : [],
    ),
  );
}

/** A button clicked in App Home. */
export function clickHomeButton(
  app: RunningApp,
  userId: string,
  action: { actionId: string; value: string; actionTs?: string; triggerId?: string },
) {
  return postInteraction(app.url, SIGNING_SECRET, {
    type: "block_actions",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: action.triggerId ?? app.fake.issueTriggerId(),
    container: { type: "view", view_id: "VHOME" },
    view: { id: "VHOME", type: "home", blocks: [], private_metadata: "", callback_id: "", hash: "1" },
    actions: [
      {
        type: "button",
        action_id: action.actionId,
        block_id: "b",
        value: action.value,
        action_ts: action.actionTs ?? `${Date.now() / 1000}`,
      },
    ],
  });
}

/** The request modal submitted with a chosen product (menu) or typed text, and a reason. */
export function submitRequestForm(
  app: RunningApp,
  userId: string,
  input: { viewId: string; hash: string; productId?: string; typed?: string; reason?: string },
) {
  const f = ids.homeRequestForm;
  const product = input.productId
    ? { type: "static_select", selected_option: { value: input.productId } }
    : { type: "plain_text_input", value: input.typed ?? "" };
  return postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    view: {
      id: input.viewId,
      hash: input.hash,
      type: "modal",
      callback_id: f.callbackId,
      private_metadata: JSON.stringify({ workspaceId: app.teamId }),
      state: {
        values: {
          [f.productBlock]: { [f.productAction]: product },
          [f.reasonBlock]: { [f.reasonAction]: { type: "plain_text_input", value: input.reason ?? null } },
        },
      },
    },
  });
}

/**
 * Finishes the set-up checklist for a workspace that already has a default location and products
 * (the example workspace): a second admin, requests to each admin's DMs, and a default product when
 * none is one. Its admins then see the dashboard.
 */
export async function finishSetup(app: RunningApp): Promise<void> {
  const system = { userId: "system", source: "cli" as const };
  const catalog = await getSeatUsage(app.db, { workspaceId: app.teamId });
  if (!catalog.some((p) => p.isDefault) && catalog[0]) {
    const set = await setDefaultProducts(app.db, systemClock, {
      workspaceId: app.teamId,
      productIds: [catalog[0].productId],
      actor: system,
    });
    if (!set.ok) throw new Error(set.code);
  }
  const second = app.fake.users.add({ name: "second-admin", is_admin: true });
  await upsertPeople(app.db, {
    workspaceId: app.teamId,
    people: [{ slackUserId: second.id, name: "Second admin", isSlackAdmin: true }],
  });
  const chosen = await setApprovalsRoute(app.db, systemClock, {
    workspaceId: app.teamId,
    choice: { route: "direct_messages" },
    actor: system,
  });
  if (!chosen.ok) throw new Error(chosen.code);
}
