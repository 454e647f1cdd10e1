import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { licenseRequests } from "../../../src/db/schema/index.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import { teamWithAdmins } from "./request-interactions.ts";

const app = useRunningSlackApp();

const filedRequests = () =>
  app.db
    .select({ id: licenseRequests.id })
    .from(licenseRequests)
    .where(eq(licenseRequests.workspaceId, app.teamId));

describe("a request only goes where someone else can decide it", () => {
  it("an admin's request files nothing and gives the command that assigns it; so does one no one could decide", async () => {
    const { admins, member } = await teamWithAdmins(app);
    const ada = admins[0] as (typeof admins)[0];
    const colleague = app.fake.users.add({ name: "colleague", real_name: "Cai Colleague" });
    const asked = await app.command(ada.id, `request exchange for <@${colleague.id}>`);
    expect(asked.replies[0]?.text).toBe(
      `You administer licenses, so there is no one to ask: assign it yourself with \`/license assign\` <@${colleague.id}> \`exchange-p1\`.`,
    );
    const own = await app.command(ada.id, "request exchange");
    expect(own.replies[0]?.text).toContain(`\`/license assign\` <@${ada.id}> \`exchange-p1\``);
    expect(await filedRequests()).toEqual([]);

    // With every admin demoted, no one but the requester would be left to decide.
    await upsertPeople(app.db, {
      workspaceId: app.teamId,
      people: admins.map((a) => ({ slackUserId: a.id, name: a.real_name as string, isSlackAdmin: false })),
    });
    const orphan = await app.command(member.id, "request exchange because I need mail");
    expect(orphan.replies[0]?.text).toContain("no one could decide a request; nothing was filed");
    expect(await filedRequests()).toEqual([]);
  });
});
