import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people, restoreWindows, serviceData, services } from "../../../src/db/schema/index.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import { personRow, workspaceWithAdminOf } from "./event-deliveries.ts";

const app = useRunningSlackApp();
const workspaceWithAdmin = workspaceWithAdminOf(app);

type Reply = {
  text?: string;
  blocks?: { type: string; elements?: { action_id?: string; value?: string }[] }[];
};

const textOf = (reply: Reply | undefined) => `${reply?.text ?? ""} ${JSON.stringify(reply?.blocks ?? [])}`;

function buttonIn(reply: Reply | undefined, actionId: string) {
  for (const block of reply?.blocks ?? []) {
    const found = block.elements?.find((e) => e.action_id === actionId);
    if (found) return found;
  }
  return undefined;
}

/** Clicks a button of an ephemeral reply; resolves with what the app answered through its response_url. */
async function click(userId: string, actionId: string, value: string) {
  const responseUrl = app.fake.responseUrl();
  const response = await postInteraction(app.url, SIGNING_SECRET, {
    type: "block_actions",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    response_url: responseUrl,
    container: { type: "message", is_ephemeral: true },
    actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1.2" }],
  });
  expect(response.status).toBe(200);
  const [answer] = await until(() => app.fake.responses(responseUrl), 1);
  return answer as Reply & { replace_original?: boolean };
}

async function lyncStatus(slackUserId: string) {
  const person = await personRow(app, slackUserId);
  const [row] = await app.db
    .select({ status: serviceData.status })
    .from(serviceData)
    .innerJoin(services, eq(services.id, serviceData.serviceId))
    .where(and(eq(serviceData.personId, person?.id as string), eq(services.key, "lync")));
  return row?.status;
}

describe("/license location @person CC re-evaluates services (rule 4)", () => {
  it("warns what goes and when, changes nothing until confirmed, then turns it off into a restore window", async () => {
    const { admin } = await workspaceWithAdmin();
    const wei = app.fake.users.add({ name: "wei", real_name: "Wei Zhang" });
    await app.command(admin.id, `assign <@${wei.id}> office`);
    expect(await lyncStatus(wei.id)).toBe("active");

    const { replies } = await app.command(admin.id, `location <@${wei.id}> CN`);
    const warning = replies[0] as Reply;
    expect(textOf(warning)).toContain("from SE to CN");
    expect(textOf(warning)).toContain("Lync Online");
    expect(textOf(warning)).toMatch(/deleted for good on \*\d+ \w+ \d{4}/);
    // Only what CN does not run goes: the mailbox stays.
    expect(textOf(warning)).not.toContain("Exchange Online");
    const confirm = buttonIn(warning, ids.locationChange.confirmAction);
    expect(confirm?.value).toBeDefined();
    await app.settled();
    expect((await personRow(app, wei.id))?.usageLocation).not.toBe("CN");
    expect(await lyncStatus(wei.id)).toBe("active");

    // Someone who does not administer licenses cannot press it for them.
    const member = app.fake.users.add({ name: "mo" });
    expect(
      textOf(await click(member.id, ids.locationChange.confirmAction, confirm?.value as string)),
    ).toContain("Only license admins");
    expect(await lyncStatus(wei.id)).toBe("active");

    const done = await click(admin.id, ids.locationChange.confirmAction, confirm?.value as string);
    expect(done.replace_original).toBe(true);
    expect(textOf(done)).toContain("now uses services in CN");
    expect(textOf(done)).toContain("Turned off: Lync Online");
    expect((await personRow(app, wei.id))?.usageLocation).toBe("CN");
    expect(await lyncStatus(wei.id)).toBe("retained");
    const person = await personRow(app, wei.id);
    const windows = await app.db
      .select()
      .from(restoreWindows)
      .where(eq(restoreWindows.personId, person?.id as string));
    expect(windows).toMatchObject([{ status: "open" }]);
    const audits = await app.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.targetId, person?.id as string), eq(auditLog.action, "person.usage_location_set")),
      );
    expect(audits).toMatchObject([{ actor: admin.id, source: "button", after: { usageLocation: "CN" } }]);

    // Back where Lync runs: no warning, and the data waiting in the window comes back.
    const back = (await app.command(admin.id, `location <@${wei.id}> SE`)).replies[0] as Reply;
    expect(textOf(back)).toContain("Turned on: Lync Online");
    expect(await lyncStatus(wei.id)).toBe("active");
  });

  it("a confirmation that no longer covers what would go is refused with the warning as it is now", async () => {
    const { admin } = await workspaceWithAdmin();
    const lin = app.fake.users.add({ name: "lin" });
    await app.command(admin.id, `assign <@${lin.id}> office`);
    const person = await personRow(app, lin.id);
    const stale = JSON.stringify({ personId: person?.id, location: "CN", lost: [] });
    const answer = await click(admin.id, ids.locationChange.confirmAction, stale);
    expect(textOf(answer)).toContain("no longer what you confirmed");
    expect(buttonIn(answer, ids.locationChange.confirmAction)).toBeDefined();
    expect(await lyncStatus(lin.id)).toBe("active");
    const [row] = await app.db
      .select()
      .from(people)
      .where(eq(people.id, person?.id as string));
    expect(row?.usageLocation).not.toBe("CN");
  });
});
