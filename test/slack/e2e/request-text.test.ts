import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog, licenseRequests, people } from "../../../src/db/schema/index.ts";
import { dmChannelFor } from "../../../src/local-slack/fake-slack-api.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import { clickHomeButton, submitRequestForm } from "./app-home-helpers.ts";
import { copiesOf, expectNoErrorsLogged, pendingRequestFor, teamWithAdmins } from "./request-interactions.ts";

const app = useRunningSlackApp();

afterEach(() => expectNoErrorsLogged(app));

/** Half of a surrogate pair on its own: what cutting through an emoji leaves. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const replyText = (reply: { text?: string; blocks?: unknown[] } | undefined) =>
  `${reply?.text ?? ""}\n${JSON.stringify(reply?.blocks ?? [])}`;

describe("the text of a request, from /license to the approvers", () => {
  it("files a reason of 999 letters and an emoji whole: 1,000 characters as a person counts them", async () => {
    const { admins, member } = await teamWithAdmins(app, 1);
    const reason = `${"a".repeat(999)}🎉`;
    const { replies } = await app.command(member.id, `request office because ${reason}`);
    expect(replyText(replies[0])).toContain("I asked them");
    const requestId = await pendingRequestFor(app, member);
    const [row] = await app.db.select().from(licenseRequests).where(eq(licenseRequests.id, requestId));
    expect(row?.reason).toBe(reason);
    const [filed] = await app.db.select().from(auditLog).where(eq(auditLog.targetId, requestId));
    expect(filed?.after).toMatchObject({ reason });
    await copiesOf(app, requestId, 1);
    const [copy] = app.fake.messages.filter((m) => m.channel === dmChannelFor(admins[0]?.id ?? ""));
    // The approver reads all of it.
    expect(JSON.stringify(copy?.blocks ?? [])).toContain(reason);
    expect(JSON.stringify(copy?.blocks ?? [])).not.toMatch(LONE_SURROGATE);
  });

  it("refuses a reason over 1,000 characters, naming the limit, and files nothing", async () => {
    const { member } = await teamWithAdmins(app, 1);
    const { replies } = await app.command(member.id, `request office because ${"b".repeat(1000)}🎉`);
    expect(replyText(replies[0])).toContain("1,000 characters");
    const filed = await app.db
      .select({ id: licenseRequests.id })
      .from(licenseRequests)
      .innerJoin(people, eq(people.id, licenseRequests.personId))
      .where(eq(people.slackUserId, member.id));
    expect(filed).toEqual([]);
  });

  it("shows a name reversed by a bidirectional override as it really is, to every approver", async () => {
    const { admins, member } = await teamWithAdmins(app, 1);
    const reason = "see \u202Egnp.exe\u202C attached";
    await app.command(member.id, `request office because ${reason}`);
    const requestId = await pendingRequestFor(app, member);
    await copiesOf(app, requestId, 1);
    const [copy] = await until(
      () => app.fake.messages.filter((m) => m.channel === dmChannelFor(admins[0]?.id ?? "")),
      1,
    );
    const shown = JSON.stringify(copy?.blocks ?? []);
    expect(shown).toContain("see gnp.exe attached");
    expect(shown).not.toMatch(/[\u202A-\u202E]/);
    // Stored as typed: the record keeps what the person wrote.
    const [row] = await app.db.select().from(licenseRequests).where(eq(licenseRequests.id, requestId));
    expect(row?.reason).toBe(reason);
  });

  it("gives the App Home form back with the limit when the reason is over it, keeping the product", async () => {
    const { member } = await teamWithAdmins(app, 1);
    const { productId } = await app.exampleWorkspace();
    const updates = app.fake.callsTo("views.update").length;
    await clickHomeButton(app, member.id, { actionId: ids.home.requestLicenseAction, value: "request" });
    const [form] = await until(() => app.fake.callsTo("views.update").slice(updates), 1);
    const viewId = form?.args.view_id as string;
    const before = app.fake.callsTo("views.update").length;
    await submitRequestForm(app, member.id, {
      viewId,
      hash: "long",
      productId: productId("office"),
      reason: `${"c".repeat(1000)}🎉`,
    });
    const [again] = await until(
      () =>
        app.fake
          .callsTo("views.update")
          .slice(before)
          .filter((c) => JSON.stringify(c.args.view).includes("1,000 characters")),
      1,
    );
    expect(again?.error).toBeUndefined();
    expect(JSON.stringify(again?.args.view)).toContain(ids.homeRequestForm.callbackId);
    expect(JSON.stringify(again?.args.view)).not.toMatch(LONE_SURROGATE);
    expect(JSON.stringify(again?.args.view)).toContain(`"initial_option":{"text"`);
    const filed = await app.db
      .select({ id: licenseRequests.id })
      .from(licenseRequests)
      .innerJoin(people, eq(people.id, licenseRequests.personId))
      .where(eq(people.slackUserId, member.id));
    expect(filed).toEqual([]);
  });
});
