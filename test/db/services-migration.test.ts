import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { migrateDatabase, migrationsFolder } from "../../src/db/migrate.ts";
import { queryRows } from "../../src/db/rows.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

/** The last migration before services were shared across products. */
const BEFORE = "0015_assignments_workspace_index";

const ids = {
  office: "00000000-0000-4000-8000-00000000000a",
  exchangeP1: "00000000-0000-4000-8000-00000000000b",
  talk: "00000000-0000-4000-8000-00000000000c",
  officeMail: "00000000-0000-4000-8000-0000000000a1",
  officeSite: "00000000-0000-4000-8000-0000000000a2",
  officeApps: "00000000-0000-4000-8000-0000000000a3",
  p1Mail: "00000000-0000-4000-8000-0000000000b1",
  talkMail: "00000000-0000-4000-8000-0000000000c1",
  /** Holds Office and Exchange Online Plan 1: two copies of one mailbox. */
  both: "00000000-0000-4000-8000-000000000001",
  /** Lost Office: its mailbox and installs wait in a window. */
  removed: "00000000-0000-4000-8000-000000000002",
  /** Lost Office while keeping Plan 1: the old schema retained a mailbox that was still on. */
  kept: "00000000-0000-4000-8000-000000000003",
  removedWindow: "00000000-0000-4000-8000-0000000000f2",
  keptWindow: "00000000-0000-4000-8000-0000000000f3",
};

/** A database as the release before left it: two workspaces, plans per product, data per plan. */
const OLD_DATA = `
  insert into workspaces (id, name) values ('TOLD', 'Old'), ('TOTHER', 'Other');
  insert into products (id, workspace_id, key, name, purchased_seats, assigned_seats, created_at) values
    ('${ids.office}', 'TOLD', 'office', 'Office 365 Small Business Premium', 10, 2, '2026-01-01'),
    ('${ids.exchangeP1}', 'TOLD', 'exchange-p1', 'Exchange Online Plan 1', 10, 2, '2026-01-02'),
    ('${ids.talk}', 'TOLD', 'talk', 'Talk', 10, 0, '2026-01-03');
  insert into service_plans (id, workspace_id, product_id, key, name, kind, data_description, data_survives_removal, install_limit) values
    ('${ids.officeMail}', 'TOLD', '${ids.office}', 'exchange', 'Exchange Online', 'mailbox', 'Mailbox', false, null),
    ('${ids.officeSite}', 'TOLD', '${ids.office}', 'sharepoint', 'SharePoint Online', 'team_site', 'Documents', true, null),
    ('${ids.officeApps}', 'TOLD', '${ids.office}', 'office-apps', 'Office desktop apps', 'office_apps', 'Installs', false, 5),
    ('${ids.p1Mail}', 'TOLD', '${ids.exchangeP1}', 'exchange', 'Exchange Online', 'mailbox', 'Mailbox', false, null),
    -- The same key for another kind of service: not the same service.
    ('${ids.talkMail}', 'TOLD', '${ids.talk}', 'exchange', 'Talk meetings', 'meetings', 'Meetings', false, null);
  insert into people (id, workspace_id, slack_user_id, name) values
    ('${ids.both}', 'TOLD', 'UBOTH', 'Both'),
    ('${ids.removed}', 'TOLD', 'UREMOVED', 'Removed'),
    ('${ids.kept}', 'TOLD', 'UKEPT', 'Kept');
  insert into assignments (workspace_id, person_id, product_id, assigned_at, assigned_by) values
    ('TOLD', '${ids.both}', '${ids.office}', '2026-02-01', 'UADMIN'),
    ('TOLD', '${ids.both}', '${ids.exchangeP1}', '2026-02-01', 'UADMIN'),
    ('TOLD', '${ids.kept}', '${ids.exchangeP1}', '2026-02-01', 'UADMIN');
  insert into restore_windows (id, workspace_id, person_id, product_id, removed_at, removed_by, purge_at) values
    ('${ids.removedWindow}', 'TOLD', '${ids.removed}', '${ids.office}', '2026-03-01', 'UADMIN', '2026-03-31'),
    ('${ids.keptWindow}', 'TOLD', '${ids.kept}', '${ids.office}', '2026-03-01', 'UADMIN', '2026-03-31');
  insert into service_data (workspace_id, person_id, service_plan_id, status, restore_window_id, mailbox_size_mb, provisioned_at) values
    ('TOLD', '${ids.both}', '${ids.officeMail}', 'active', null, 300, '2026-02-01'),
    ('TOLD', '${ids.both}', '${ids.p1Mail}', 'active', null, 500, '2026-02-02'),
    ('TOLD', '${ids.both}', '${ids.officeApps}', 'active', null, null, '2026-02-01'),
    ('TOLD', '${ids.removed}', '${ids.officeMail}', 'retained', '${ids.removedWindow}', 2048, '2026-02-01'),
    ('TOLD', '${ids.removed}', '${ids.officeApps}', 'retained', '${ids.removedWindow}', null, '2026-02-01'),
    ('TOLD', '${ids.removed}', '${ids.officeSite}', 'kept', null, null, '2026-02-01'),
    ('TOLD', '${ids.kept}', '${ids.officeMail}', 'retained', '${ids.keptWindow}', 800, '2026-02-01'),
    ('TOLD', '${ids.kept}', '${ids.p1Mail}', 'active', null, 0, '2026-02-01');
  insert into device_installs (workspace_id, person_id, service_plan_id, device_name, installed_at) values
    ('TOLD', '${ids.both}', '${ids.officeApps}', 'both-pc', '2026-02-03'),
    ('TOLD', '${ids.removed}', '${ids.officeApps}', 'removed-mac', '2026-02-03');
`;

describe("migration 0016: services shared across products", () => {
  let folder: string;
  let database: (TestDatabase & { target: Parameters<typeof migrateDatabase>[1] }) | undefined;
  const db = () => {
    if (!database) throw new Error("opened in beforeAll");
    return database.db;
  };

  beforeAll(async () => {
    // The migrations as the previous release shipped them: the same files, the journal cut after BEFORE.
    folder = await mkdtemp(join(tmpdir(), "license-desk-migrations-"));
    await cp(migrationsFolder, folder, { recursive: true });
    const journalPath = join(folder, "meta", "_journal.json");
    const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { tag: string }[] };
    const last = journal.entries.findIndex((e) => e.tag === BEFORE);
    expect(last).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, last + 1);
    await writeFile(journalPath, JSON.stringify(journal));
    database = await createTestDatabase({ migrationsFolder: folder });
    for (const statement of OLD_DATA.split(";").filter((s) => s.trim())) {
      await db().execute(sql.raw(statement));
    }
    await migrateDatabase(database, database.target);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("makes each workspace's plans one service per key, and a different kind a service of its own", async () => {
    const rows = await queryRows(
      db(),
      sql`select s.key, s.kind, array_agg(p.key order by p.key) as products
          from services s join product_services ps on ps.service_id = s.id join products p on p.id = ps.product_id
          where s.workspace_id = 'TOLD' group by s.key, s.kind order by s.key`,
      z.object({ key: z.string(), kind: z.string(), products: z.array(z.string()) }),
    );
    expect(rows).toEqual([
      { key: "exchange", kind: "mailbox", products: ["exchange-p1", "office"] },
      { key: "exchange-meetings", kind: "meetings", products: ["talk"] },
      { key: "office-apps", kind: "office_apps", products: ["office"] },
      { key: "sharepoint", kind: "team_site", products: ["office"] },
    ]);
  });

  it("merges two copies of one service's data into one, losing no mail and no install", async () => {
    const rows = await queryRows(
      db(),
      sql`select p.name as person, s.key, sd.status, sd.mailbox_size_mb as size
          from service_data sd join services s on s.id = sd.service_id join people p on p.id = sd.person_id
          order by p.name, s.key`,
      z.object({ person: z.string(), key: z.string(), status: z.string(), size: z.number().nullable() }),
    );
    expect(rows).toEqual([
      { person: "Both", key: "exchange", status: "active", size: 500 },
      { person: "Both", key: "office-apps", status: "active", size: null },
      // Office's mailbox was retained while Plan 1's was on: one mailbox, on, with the mail it held.
      { person: "Kept", key: "exchange", status: "active", size: 800 },
      { person: "Removed", key: "exchange", status: "retained", size: 2048 },
      { person: "Removed", key: "office-apps", status: "retained", size: null },
      { person: "Removed", key: "sharepoint", status: "kept", size: null },
    ]);
    const devices = await queryRows(
      db(),
      sql`select di.device_name as device, s.key from device_installs di join services s on s.id = di.service_id
          order by di.device_name`,
      z.object({ device: z.string(), key: z.string() }),
    );
    expect(devices).toEqual([
      { device: "both-pc", key: "office-apps" },
      { device: "removed-mac", key: "office-apps" },
    ]);
  });

  it("keeps windows that still hold data open, and closes as restored those whose data is on", async () => {
    const rows = await queryRows(
      db(),
      sql`select id, status from restore_windows order by id`,
      z.object({ id: z.string(), status: z.string() }),
    );
    expect(rows).toEqual([
      { id: ids.removedWindow, status: "open" },
      { id: ids.keptWindow, status: "restored" },
    ]);
  });

  it("isolates the new tables by workspace like every other", async () => {
    const rows = await queryRows(
      db(),
      sql`select relname, relrowsecurity as rls, relforcerowsecurity as forced from pg_class
          where relname in ('services', 'product_services') order by relname`,
      z.object({ relname: z.string(), rls: z.boolean(), forced: z.boolean() }),
    );
    expect(rows).toEqual([
      { relname: "product_services", rls: true, forced: true },
      { relname: "services", rls: true, forced: true },
    ]);
  });
});
