import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, restoreWindows } from "../../../src/db/schema/index.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { getSeatUsage } from "../../../src/licensing/get-seat-usage.ts";
import { setPurchasedSeats } from "../../../src/licensing/set-purchased-seats.ts";
import { dmChannelFor, type SlackUser } from "../../../src/local-slack/fake-slack-api.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { formatInstant } from "../../../src/slack/copy/format.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { BulkModalDriver } from "../../helpers/slack/bulk-modal-driver.ts";
import { SIGNING_SECRET, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import {
  deliver,
  envelope,
  heldBy,
  newEventId,
  personRow,
  workspaceWithAdminOf,
} from "./event-deliveries.ts";

const app = useRunningSlackApp();
const workspaceWithAdmin = workspaceWithAdminOf(app);
const OFFICE = "Office 365 Small Business Premium";

/** What a message says: its text, then each block's. */
const wordsOf = (message: { text?: string; blocks?: unknown }) =>
  [
    message.text ?? "",
    ...((message.blocks ?? []) as { text?: { text?: string }; elements?: { text?: string }[] }[]).flatMap(
      (block) => [block.text?.text ?? "", ...(block.elements ?? []).map((e) => e.text ?? "")],
    ),
  ].join("\n");

/** The direct messages `user` has been sent, each as all it says. */
const dms = (user: SlackUser) =>
  app.fake.messages.filter((m) => m.channel === dmChannelFor(user.id)).map(wordsOf);

/** The personal notices ever queued for `user`, sent or not. */
const queuedFor = async (user: SlackUser) =>
  (await app.db.select().from(outbox).where(eq(outbox.channel, user.id))).filter(
    (row) => (row.message as { kind?: string }).kind === "license_changes",
  );

/** `/license <text>` as `user`, once the app has finished with it (replies and notices sent). */
async function command(user: SlackUser, text: string) {
  const { replies } = await app.command(user.id, text);
  await app.settled();
  return replies.map(wordsOf).join("\n");
}

/** The data-loss warning confirmed, as Slack submits the modal. */
async function confirmRemoval(admin: SlackUser, member: SlackUser, productId: string, viewId: string) {
  const person = await personRow(app, member.id);
  const answer = await postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: admin.id, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    view: {
      id: viewId,
      hash: "1",
      type: "modal",
      callback_id: ids.removeConfirmation.callbackId,
      private_metadata: JSON.stringify({
        workspaceId: app.teamId,
        personId: person?.id,
        productId,
        responseUrl: "",
      }),
      state: { values: {} },
    },
  });
  expect(answer.status).toBe(200);
  await app.settled();
  return person?.id as string;
}

describe("the person is told (rule 12)", () => {
  it("assign: what they got, what was turned on or skipped and why, and Office's five Macs or PCs", async () => {
    const { admin } = await workspaceWithAdmin();
    const bo = app.fake.users.add({ name: "bo" });
    const wei = app.fake.users.add({ name: "wei" });
    await command(admin, `location <@${wei.id}> CN`);
    await command(admin, `assign <@${bo.id}> <@${wei.id}> office`);

    expect(dms(bo)).toHaveLength(1);
    const [toBo] = dms(bo);
    expect(toBo).toContain(`You now have *${OFFICE}*`);
    expect(toBo).toMatch(
      /Turned on for you: Exchange Online, Lync Online, Office desktop apps, SharePoint Online/,
    );
    expect(toBo).toContain("You can install Office desktop apps on up to 5 Macs or PCs.");
    const [toWei] = dms(wei);
    expect(toWei).toContain("Not turned on: Lync Online, not available in your usage location CN.");
    expect(toWei).not.toMatch(/Turned on for you:[^\n]*Lync/);
  });

  it("remove: which product, only the data that goes, the instant it is gone for good, who can restore it", async () => {
    const { admin, productId } = await workspaceWithAdmin();
    const cleo = app.fake.users.add({ name: "cleo", tz: "America/New_York" });
    await command(admin, `assign <@${cleo.id}> office`);
    const personId = await confirmRemoval(admin, cleo, productId("office"), "VNOTICEREMOVE1");

    expect(dms(cleo)).toHaveLength(2);
    const told = dms(cleo)[1] as string;
    const [window] = await app.db
      .select()
      .from(restoreWindows)
      .where(and(eq(restoreWindows.personId, personId), eq(restoreWindows.productId, productId("office"))));
    const adminName = (await personRow(app, admin.id))?.name as string;
    expect(told).toContain(`*${OFFICE}* was removed from you.`);
    expect(told).toContain(
      "Your data that goes with it: Exchange Online (0 MB), Lync Online, Office desktop apps.",
    );
    // SharePoint's documents outlive the removal: they are not said to go.
    expect(told).not.toContain("SharePoint");
    expect(told).toContain(
      `can be restored until ${formatInstant(en, window?.purgeAt as Date, "America/New_York")}`,
    );
    expect(told).toContain(`Until then ${adminName} or another license admin can restore it`);

    await command(admin, `restore <@${cleo.id}> office`);
    expect(dms(cleo)).toHaveLength(3);
    expect(dms(cleo)[2]).toContain(`Your license for *${OFFICE}* is back, and your data restored.`);
  });

  it("bulk: one message per person, however many products changed for them", async () => {
    const { admin, productId } = await workspaceWithAdmin();
    const [dan, eva] = app.fake.users.addMany([{ name: "dan" }, { name: "eva" }]) as [SlackUser, SlackUser];
    await command(admin, `assign <@${dan.id}> <@${eva.id}> exchange-p1`);
    expect([dms(dan).length, dms(eva).length]).toEqual([1, 1]);

    const bulk = new BulkModalDriver(app.fake, SIGNING_SECRET);
    const viewId = await bulk.openForm(app.url, admin.id);
    await bulk.submitForm(app.url, admin.id, viewId, [dan.id, eva.id], productId("office"), [
      productId("exchange-p1"),
    ]);
    const since = app.fake.calls.length;
    expect(await bulk.submitPreview(app.url, admin.id, viewId)).toBe(200);
    expect(await bulk.outcome(viewId, since)).toMatch(/2 people/);
    await app.settled();

    for (const person of [dan, eva]) {
      expect(dms(person)).toHaveLength(2);
      const told = dms(person)[1] as string;
      expect(told).toContain(`You now have *${OFFICE}*`);
      expect(told).toContain("*Exchange Online Plan 1* was removed from you.");
      // Office carries Exchange Online too: the mailbox stays, and the message must not say it goes.
      expect(told).toContain("None of your data is deleted");
    }
  });

  it("team_join: the new member is told the defaults they got", async () => {
    await workspaceWithAdmin();
    const newcomer = app.fake.users.add({ name: "newcomer" });
    await deliver(envelope(app, newEventId(), { type: "team_join", user: newcomer }), 1, app.url);
    await app.settled();
    expect(dms(newcomer)).toHaveLength(1);
    expect(dms(newcomer)[0]).toContain(`You now have *${OFFICE}*`);
    expect(dms(newcomer)[0]).toContain("Given to every new member of this workspace.");
  });

  it("the workspace setting turns the notices off, admins only, and status shows it", async () => {
    const { admin } = await workspaceWithAdmin();
    const member = app.fake.users.add({ name: "fay" });
    const refused = await command(member, "notices off");
    expect(refused).toContain("Only license admins");
    expect(await command(admin, "status")).toContain("Personal notices are on");

    expect(await command(admin, "notices off")).toContain("Personal notices are off");
    try {
      expect(await command(admin, "status")).toContain("Personal notices are off");
      await command(admin, `assign <@${member.id}> office`);
      expect(dms(member)).toEqual([]);
      expect(await queuedFor(member)).toEqual([]);
    } finally {
      expect(await command(admin, "notices on")).toContain("Personal notices are on");
    }
  });

  it("offboarding: a person leaving is not told", async () => {
    const { admin } = await workspaceWithAdmin();
    const gus = app.fake.users.add({ name: "gus" });
    await command(admin, `assign <@${gus.id}> office`);
    expect(await queuedFor(gus)).toHaveLength(1);

    const deactivated = app.fake.users.update(gus.id, { deleted: true });
    await deliver(envelope(app, newEventId(), { type: "user_change", user: deactivated }), 1, app.url);
    await app.settled();
    // The offboarding happened: the license went into a restore window, yet nothing more is queued.
    expect(await heldBy(app, gus.id)).toEqual([]);
    expect(await queuedFor(gus)).toHaveLength(1);
    expect(dms(gus)).toHaveLength(1);
  });

  it("a change that fails tells nobody", async () => {
    const { admin, productId } = await workspaceWithAdmin();
    const hal = app.fake.users.add({ name: "hal" });
    const actor = { userId: "system", source: "cli" as const };
    const lync = (await getSeatUsage(app.db, { workspaceId: app.teamId })).find((p) => p.key === "lync-p2");
    await setPurchasedSeats(app.db, systemClock, {
      workspaceId: app.teamId,
      productId: productId("lync-p2"),
      purchased: lync?.assigned ?? 0,
      actor,
    });
    try {
      expect(await command(admin, `assign <@${hal.id}> lync-p2`)).toContain("could not get it");
      expect(dms(hal)).toEqual([]);
      expect(await queuedFor(hal)).toEqual([]);
    } finally {
      await setPurchasedSeats(app.db, systemClock, {
        workspaceId: app.teamId,
        productId: productId("lync-p2"),
        purchased: lync?.purchased ?? 5,
        actor,
      });
    }
  });
});
