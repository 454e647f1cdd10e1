import { describe, expect, it } from "vitest";
import { until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

/** Modals the app filled in with this text, as the fake recorded them. */
const modalsSaying = (text: string) =>
  app.fake
    .callsTo("views.update")
    .map((c) => JSON.stringify(c.args.view))
    .filter((view) => view.includes(text));

describe("a refusal is shown once, where the person is looking", () => {
  it.each([
    ["bulk", () => "bulk"],
    ["remove", (memberId: string) => `remove <@${memberId}> office`],
  ])("`/license %s` by a member: in the modal it opened, not again as a reply", async (_name, text) => {
    await app.exampleWorkspace();
    const member = app.fake.users.add({ name: "member" });
    const before = modalsSaying("Only license admins").length;
    const { responseUrl } = await app.command(member.id, text(member.id), { waitForReplies: 0 });
    const shown = await until(() => modalsSaying("Only license admins").slice(before), 1);
    expect(shown[0]).toContain("/license request product");
    await app.settled();
    expect(app.fake.responses(responseUrl)).toEqual([]);
  });
});
