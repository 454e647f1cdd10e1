import { describe, expect, it } from "vitest";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

const replyText = (reply: { text?: string; blocks?: unknown[] } | undefined) =>
  `${reply?.text ?? ""}\n${JSON.stringify(reply?.blocks ?? [])}`;

describe("removing one of two products that carry Exchange Online, over signed HTTP", () => {
  it("warns of no mailbox loss, keeps the mailbox, and /license show lists it on", async () => {
    await app.exampleWorkspace();
    const admin = app.fake.users.add({ name: "admin", is_admin: true });
    const member = app.fake.users.add({ name: "member", profile: { display_name: "Mo Member" } });
    await app.command(admin.id, `assign <@${member.id}> office`);
    await app.command(admin.id, `assign <@${member.id}> exchange-p1`);

    const before = app.fake.callsTo("views.update").length;
    await app.command(admin.id, `remove <@${member.id}> office`, { waitForReplies: 0 });
    const [update] = await until(() => app.fake.callsTo("views.update").slice(before), 1);
    expect(update?.error).toBeUndefined();
    const view = update?.args.view as { id?: string; private_metadata?: string; callback_id?: string };
    const text = JSON.stringify(view);
    expect(text).toContain("Remove *Office 365 Small Business Premium* from *Mo Member*?");
    expect(text).toContain("Office desktop apps");
    expect(text).not.toContain("Mailbox and all its mail");

    const submitted = await postInteraction(app.url, SIGNING_SECRET, {
      type: "view_submission",
      team: { id: app.teamId, domain: "fake" },
      user: { id: admin.id, team_id: app.teamId },
      api_app_id: "A0FAKEAPP1",
      view: {
        id: update?.args.view_id ?? "VSHARED1",
        hash: "1",
        type: "modal",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: {} },
      },
    });
    expect(submitted.status).toBe(200);
    await until(() => app.fake.messages.filter((m) => m.text?.includes("Removed *Office")), 1);

    const show = await app.command(admin.id, `show <@${member.id}>`);
    const shown = replyText(show.replies[0]);
    // The mailbox is on through the product kept; the window holds only what Office alone carried.
    expect(shown).toContain("*Exchange Online Plan 1*\\nOn: Exchange Online (mailbox 0 MB)");
    expect(shown).toContain("Kept: Lync Online, Office desktop apps");
    expect(shown).not.toMatch(/Kept: [^"]*Exchange/);
  });
});
