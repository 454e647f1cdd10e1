import { and, eq, ne } from "drizzle-orm";
import { licenseRequests, people, requestMessages } from "../../../src/db/schema/index.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import type { SlackUser } from "../../../src/local-slack/fake-slack-api.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, type useRunningSlackApp } from "../../helpers/slack/running-app.ts";

type Harness = ReturnType<typeof useRunningSlackApp>;

export interface ModalSeen {
  viewId: string;
  view: { callback_id?: string; private_metadata?: string; blocks?: unknown[] };
  error?: string;
}

/** Admins as the directory knows them (workspace admins in Slack), and a member who is not one. */
export async function teamWithAdmins(app: Harness, adminCount = 2) {
  await app.exampleWorkspace();
  const admins = Array.from({ length: adminCount }, (_, i) =>
    app.fake.users.add({ name: `admin${i}`, real_name: `Admin ${i}`, is_admin: true }),
  );
  await upsertPeople(app.db, {
    workspaceId: app.teamId,
    people: admins.map((a) => ({ slackUserId: a.id, name: a.real_name, isSlackAdmin: true })),
  });
  const member = app.fake.users.add({ name: "member", real_name: "Mo Member" });
  return { admins, member };
}

/** The pending request for a person (by Slack id), once the command has filed it. */
export async function pendingRequestFor(app: Harness, person: SlackUser): Promise<string> {
  const rows = await eventually(() =>
    app.db
      .select({ id: licenseRequests.id })
      .from(licenseRequests)
      .innerJoin(people, eq(people.id, licenseRequests.personId))
      .where(and(eq(people.slackUserId, person.id), eq(licenseRequests.status, "pending"))),
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`no pending request for ${person.id}`);
  return id;
}

/** The posted copies of a request, once at least `count` are recorded. */
export function copiesOf(app: Harness, requestId: string, count: number) {
  return eventually(
    () =>
      app.db
        .select({ channelId: requestMessages.channelId, ts: requestMessages.messageTs })
        .from(requestMessages)
        .where(and(eq(requestMessages.requestId, requestId), ne(requestMessages.messageTs, ""))),
    count,
  );
}

/** How many admins the workspace has now: each gets a DM of every request (but their own). */
export async function approverCount(app: Harness): Promise<number> {
  const rows = await app.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.workspaceId, app.teamId), eq(people.isSlackAdmin, true)));
  return rows.length;
}

/** Fails the test on any error the app logged since the last check. */
export function expectNoErrorsLogged(app: Harness): void {
  const errors = app.logs.filter((l) => l.level === "error");
  app.logs.length = 0;
  if (errors.length > 0) throw new Error(`the app logged errors: ${JSON.stringify(errors).slice(0, 2000)}`);
}

/** A press of Approve or Deny, and the modal it leads to once the server has checked the press. */
export async function press(
  app: Harness,
  user: SlackUser,
  action: "approve" | "deny",
  requestId: string,
): Promise<ModalSeen & { status: number }> {
  const before = app.fake.callsTo("views.update").length;
  const response = await postInteraction(app.url, SIGNING_SECRET, {
    type: "block_actions",
    team: { id: app.teamId, domain: "fake" },
    user: { id: user.id, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    actions: [
      {
        type: "button",
        action_id: action === "approve" ? ids.request.approveAction : ids.request.denyAction,
        block_id: "request.decide",
        value: requestId,
        action_ts: "1",
      },
    ],
  });
  const [update] = await until(() => app.fake.callsTo("views.update").slice(before), 1);
  if (!update) throw new Error("the press was never answered with a modal");
  return {
    status: response.status,
    viewId: update.args.view_id as string,
    view: update.args.view as ModalSeen["view"],
    ...(update.error ? { error: update.error } : {}),
  };
}

/** Submits a decision modal as Slack would, with the note typed (or none). */
export function submit(app: Harness, user: SlackUser, modal: ModalSeen, note?: string) {
  const d = ids.requestDecision;
  return postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: user.id, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    view: {
      id: modal.viewId,
      hash: "1",
      type: "modal",
      callback_id: modal.view.callback_id,
      private_metadata: modal.view.private_metadata ?? "",
      state: {
        values:
          note === undefined
            ? {}
            : { [d.noteBlock]: { [d.noteAction]: { type: "plain_text_input", value: note } } },
      },
    },
  });
}

/** The modal's outcome after a submission: the next views.update of that view. */
export async function outcomeOf(app: Harness, viewId: string, after: number): Promise<string> {
  const [update] = await until(
    () =>
      app.fake
        .callsTo("views.update")
        .slice(after)
        .filter((c) => c.args.view_id === viewId),
    1,
  );
  return JSON.stringify(update?.args.view ?? null);
}

/** Reads until rows appear (the app works after it has answered Slack), for up to 5 s. */
export async function eventually<T>(read: () => Promise<T[]>, count = 1): Promise<T[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const rows = await read();
    if (rows.length >= count || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
