import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import { buttonValues, finishSetup, homeBlocks, homeText, openHome } from "./app-home-helpers.ts";

const app = useRunningSlackApp();

const PRODUCTS = 80;
const ROWS = 500;
const longName = (prefix: string, i: number) => `${prefix} ${i} & <${"n".repeat(200)}`.slice(0, 200);

/**
 * The largest workspace the Home tab promises to hold: 80 products with 200-character names, and
 * 500 each of restore windows ending this week, waiting requests and mailboxes about to lock, all
 * filed by one member, who also holds every product.
 */
async function largeWorkspace() {
  const workspaceId = app.teamId;
  await ensureWorkspace(app.db, { id: workspaceId, name: "fake", defaultUsageLocation: "SE" });
  const plan = (key: string, kind: string) => ({
    key,
    name: longName(`Service ${key}`, 0),
    kind,
    dataDescription: longName("What it keeps", 0),
    ...(kind === "office_apps" ? { installLimit: 5 } : {}),
  });
  const imported = await importCatalog(app.db, systemClock, {
    workspaceId,
    catalog: {
      products: Array.from({ length: PRODUCTS }, (_, i) => ({
        key: `product-${i}`,
        name: longName("Product", i),
        purchasedSeats: 1000,
        plans: [plan("exchange", "mailbox"), plan("lync", "meetings"), plan("apps", "office_apps")],
      })),
    },
    actor: { userId: "system", source: "cli" },
  });
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  const admin = app.fake.users.add({ name: "admin", is_admin: true });
  const member = app.fake.users.add({ name: "member" });
  await upsertPeople(app.db, {
    workspaceId,
    people: [
      { slackUserId: member.id, name: longName("Member", 0) },
      ...Array.from({ length: ROWS }, (_, i) => ({ slackUserId: `UBIG${i}`, name: longName("Person", i) })),
    ],
  });
  await app.db.execute(sql`
    with p as (select id, row_number() over (order by slack_user_id) - 1 as n from people
               where workspace_id = ${workspaceId} and slack_user_id like 'UBIG%'),
         pr as (select id, row_number() over (order by key) - 1 as n from products where workspace_id = ${workspaceId})
    insert into restore_windows (workspace_id, person_id, product_id, removed_at, removed_by, purge_at)
    select ${workspaceId}, p.id, pr.id, now() - interval '25 days', 'UADMIN',
           now() + (1 + p.n % 6) * interval '1 day'
    from p join pr on pr.n = p.n % ${PRODUCTS}`);
  await app.db.execute(sql`
    insert into service_data (workspace_id, person_id, service_id, status, restore_window_id, mailbox_size_mb, provisioned_at)
    select w.workspace_id, w.person_id, sp.id, 'retained', w.id,
           case when sp.kind = 'mailbox' then 2560 end, now() - interval '60 days'
    from restore_windows w join product_services ps on ps.product_id = w.product_id join services sp on sp.id = ps.service_id
    where w.workspace_id = ${workspaceId}`);
  await app.db.execute(sql`
    with me as (select id from people where workspace_id = ${workspaceId} and slack_user_id = ${member.id}),
         p as (select id, row_number() over (order by slack_user_id) - 1 as n from people
               where workspace_id = ${workspaceId} and slack_user_id like 'UBIG%'),
         pr as (select id, row_number() over (order by key) - 1 as n from products where workspace_id = ${workspaceId})
    insert into license_requests (workspace_id, requester_id, person_id, product_id, reason, created_at, expires_at)
    select ${workspaceId}, me.id, p.id, pr.id, repeat('a reason ', 100), now() - p.n * interval '1 minute',
           now() + interval '20 days'
    from me, p join pr on pr.n = (p.n + 1) % ${PRODUCTS}`);
  await app.db.execute(sql`
    insert into non_user_mailboxes (workspace_id, address, kind, size_mb, over_quota_since, lock_at)
    select ${workspaceId}, 'room-' || n || '-' || repeat('r', 180) || '@example.com', 'room', 11264,
           now() - interval '28 days', now() + interval '2 days'
    from generate_series(1, ${ROWS}) as n`);
  await app.db.execute(sql`
    with me as (select id from people where workspace_id = ${workspaceId} and slack_user_id = ${member.id})
    insert into assignments (workspace_id, person_id, product_id, assigned_at, assigned_by)
    select ${workspaceId}, me.id, pr.id, now(), 'UADMIN' from me, products pr where pr.workspace_id = ${workspaceId}`);
  await app.db.execute(
    sql`update products set assigned_seats = assigned_seats + 1 where workspace_id = ${workspaceId}`,
  );
  await finishSetup(app);
  return { admin, member };
}

describe("App Home with large data", () => {
  it("holds Slack's limits for an admin and for a member, and summarises what does not fit", async () => {
    const { admin, member } = await largeWorkspace();

    const adminHome = await openHome(app, admin.id);
    expect(adminHome.error).toBeUndefined();
    expect(homeBlocks(adminHome).length).toBeLessThanOrEqual(100);
    const adminText = homeText(adminHome);
    expect(adminText.match(/ of 1000 available/g)).toHaveLength(PRODUCTS);
    expect(adminText).toContain(`Requests waiting (${ROWS})`);
    expect(adminText).toContain(`…and ${ROWS - 10} more requests waiting`);
    expect(adminText).toContain(`…and ${ROWS - 25} more ending later`);
    expect(adminText).toContain(`…and ${ROWS - 10} more. \`/license mailboxes\``);
    expect(buttonValues(adminHome, ids.window.restoreAction)).toHaveLength(25);

    const memberHome = await openHome(app, member.id);
    expect(memberHome.error).toBeUndefined();
    expect(homeBlocks(memberHome).length).toBeLessThanOrEqual(100);
    const memberText = homeText(memberHome);
    expect(memberText).toContain(`…and ${ROWS - 20} older.`);
    expect(memberText.match(/\*Product \d+ &amp; &lt;n+…\*: /g)?.length).toBeGreaterThan(0);
  });
});
