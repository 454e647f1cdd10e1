import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../src/db/schema/index.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { recordMailboxSize } from "../../../src/licensing/mailboxes/record-mailbox-size.ts";
import { dmChannelFor } from "../../../src/local-slack/fake-slack-api.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

/** Where a forged response_url points: every request that reaches it is kept. */
const hits: { method?: string; url?: string }[] = [];
const listener = createServer((req, res) => {
  hits.push({ method: req.method, url: req.url });
  req.resume();
  req.on("end", () => res.writeHead(200).end());
});
let listenerUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
});

async function setUp() {
  const { productId } = await app.exampleWorkspace();
  const admin = app.fake.users.add({ name: "admin", is_admin: true });
  const member = app.fake.users.add({ name: "member" });
  const [adminRow, person] = await upsertPeople(app.db, {
    workspaceId: app.teamId,
    people: [
      { slackUserId: admin.id, name: "Admin", isSlackAdmin: true },
      { slackUserId: member.id, name: "Member" },
    ],
  });
  const held = {
    workspaceId: app.teamId,
    personId: person?.id as string,
    productId: productId("office"),
    actor: { userId: admin.id, source: "command" as const },
  };
  if (!adminRow || !(await assignProduct(app.db, systemClock, held)).ok) throw new Error("setup");
  const mailbox = await recordMailboxSize(app.db, systemClock, {
    workspaceId: app.teamId,
    address: "room@example.com",
    kind: "room",
    sizeMb: 1024,
    actor: held.actor,
  });
  if (!mailbox.ok) throw new Error(mailbox.code);
  return { admin, held, mailboxId: mailbox.mailboxId };
}

function submission(
  userId: string,
  viewId: string,
  callbackId: string,
  metadata: Record<string, string>,
  values: Record<string, Record<string, unknown>> = {},
) {
  return postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    view: {
      id: viewId,
      hash: "1",
      type: "modal",
      callback_id: callbackId,
      private_metadata: JSON.stringify(metadata),
      state: { values },
    },
  });
}

const refusedAsForged = (viewIds: string[]) =>
  app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "refused"), inArray(auditLog.targetId, viewIds)));

describe("metadata refused as forged", () => {
  it("is never trusted for its response_url: the refusal goes to the user as a direct message", async () => {
    const { admin, held, mailboxId } = await setUp();
    const forged = (path: string) => ({ workspaceId: "T0FORGED01", responseUrl: `${listenerUrl}${path}` });
    const size = {
      [ids.mailboxSize.sizeBlock]: {
        [ids.mailboxSize.sizeAction]: { type: "plain_text_input", value: "2 GB" },
      },
    };

    const answers = await Promise.all([
      submission(admin.id, "VFORGEDRM1", ids.removeConfirmation.callbackId, {
        ...forged("/remove"),
        personId: held.personId,
        productId: held.productId,
      }),
      submission(
        admin.id,
        "VFORGEDMB1",
        ids.mailboxSize.callbackId,
        { ...forged("/mailbox"), mailboxId },
        size,
      ),
    ]);

    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    let refusals = await refusedAsForged(["VFORGEDRM1", "VFORGEDMB1"]);
    for (let tries = 0; refusals.length < 2 && tries < 250; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      refusals = await refusedAsForged(["VFORGEDRM1", "VFORGEDMB1"]);
    }
    expect(refusals.map((r) => (r.after as { reason?: string }).reason)).toEqual([
      "FORGED_METADATA",
      "FORGED_METADATA",
    ]);
    const told = await until(
      () =>
        app.fake.messages.filter(
          (m) => m.channel === dmChannelFor(admin.id) && m.text.startsWith("Something went wrong"),
        ),
      2,
    );
    expect(told).toHaveLength(2);
    // A reply goes to the response_url first and to a direct message only without one, so the two
    // direct messages are the last thing either submission sent.
    expect(hits).toEqual([]);
  });

  it("while metadata the app's own modal carried is answered at its response_url", async () => {
    const { admin, held } = await setUp();
    const before = hits.length;

    await submission(admin.id, "VGENUINE01", ids.removeConfirmation.callbackId, {
      workspaceId: app.teamId,
      personId: held.personId,
      productId: held.productId,
      responseUrl: `${listenerUrl}/genuine`,
    });

    const reached = await until(() => hits.slice(before), 1);
    expect(reached).toEqual([{ method: "POST", url: "/genuine" }]);
  });
});
