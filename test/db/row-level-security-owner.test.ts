import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { queryRows } from "../../src/db/rows.ts";
import { people } from "../../src/db/schema/index.ts";
import { acrossWorkspaces, TENANT_ROLE, withinWorkspace } from "../../src/db/workspace-scope.ts";
import { ensureWorkspace } from "../../src/licensing/directory/ensure-workspace.ts";
import { onPostgres, testDatabaseUrl } from "../helpers/database.ts";

/**
 * Production connects as an ordinary role that owns the tables (it ran the migrations), not as a
 * superuser: the policies must hold for it too. Only a server has roles to log in as.
 */
describe.runIf(onPostgres)("row-level security for an app that owns its tables", () => {
  const suffix = randomBytes(4).toString("hex");
  const owner = `license_desk_owner_${suffix}`;
  const database = `license_desk_test_${Math.floor(Date.now() / 1000)}_owner_${suffix}`;
  let handle: DatabaseHandle | undefined;

  const asSuperuser = async (statements: string[]) => {
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    try {
      for (const statement of statements) await admin.query(statement);
    } finally {
      await admin.end();
    }
  };

  beforeAll(async () => {
    await asSuperuser([
      `create role ${owner} login createrole`,
      `create database "${database}" owner ${owner}`,
      // From PostgreSQL 16 only a role's admins may grant it, which is what the migration's hint says to do.
      `do $$ begin
         if current_setting('server_version_num')::int >= 160000
            and exists (select 1 from pg_roles where rolname = '${TENANT_ROLE}') then
           execute 'grant ${TENANT_ROLE} to ${owner}';
         end if;
       end $$`,
    ]);
    const url = new URL(testDatabaseUrl as string);
    url.username = owner;
    url.password = "";
    url.pathname = `/${database}`;
    const target: DatabaseTarget = { kind: "postgres", url: url.toString(), poolMax: 2 };
    handle = await openDatabase(target);
    await migrateDatabase(handle, target);
  });

  afterAll(async () => {
    await handle?.close();
    await asSuperuser([`drop database if exists "${database}" with (force)`, `drop role if exists ${owner}`]);
  });

  it("keeps each workspace to its rows, and reaches none outside a scope", async () => {
    const db = (handle as DatabaseHandle).db;
    for (const id of ["TOWNA", "TOWNB"]) {
      await withinWorkspace(id, async () => {
        await ensureWorkspace(db, { id, name: id });
        await db.insert(people).values({ workspaceId: id, slackUserId: `U${id}`, name: `Someone of ${id}` });
      });
    }
    const seen = (scope: <T>(work: () => Promise<T>) => Promise<T>) =>
      scope(() =>
        queryRows(
          db,
          sql`select workspace_id from people order by 1`,
          z.object({ workspace_id: z.string() }),
        ),
      );

    expect(await seen((work) => withinWorkspace("TOWNA", work))).toEqual([{ workspace_id: "TOWNA" }]);
    expect(await seen(acrossWorkspaces)).toEqual([{ workspace_id: "TOWNA" }, { workspace_id: "TOWNB" }]);
    expect(await seen((work) => work())).toEqual([]);
    const [who] = await withinWorkspace("TOWNA", () =>
      queryRows(
        db,
        sql`select current_user as role, session_user as session`,
        z.object({ role: z.string(), session: z.string() }),
      ),
    );
    expect(who).toEqual({ role: TENANT_ROLE, session: owner });
  });
});
