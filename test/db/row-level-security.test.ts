import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "../../src/db/client.ts";
import { queryRows } from "../../src/db/rows.ts";
import { people } from "../../src/db/schema/index.ts";
import { acrossWorkspaces, TENANT_ROLE, withinWorkspace } from "../../src/db/workspace-scope.ts";
import { postgresCode } from "../../src/licensing/outcome.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { createFixture, type Fixture } from "../helpers/factories.ts";

const t = useTestDatabase({ poolMax: 2 });

const names = (db: Database) =>
  queryRows(
    db,
    sql`select workspace_id, name from people order by name`,
    z.object({ workspace_id: z.string(), name: z.string() }),
  );

async function twoWorkspaces(): Promise<[Fixture, Fixture]> {
  const a = await createFixture(t.db);
  const b = await createFixture(t.db);
  await a.addPerson({ name: "Anna of A" });
  await b.addPerson({ name: "Bert of B" });
  return [a, b];
}

async function refusal(work: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await work();
    return undefined;
  } catch (error) {
    return postgresCode(error);
  }
}

describe("row-level security: the database keeps each workspace to its own rows", () => {
  it("is on, and forced, for every table that holds a workspace's rows", async () => {
    const tables = await queryRows(
      t.db,
      sql`select c.relname as "table", c.relrowsecurity as enabled, c.relforcerowsecurity as forced
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and (c.relname = 'workspaces' or exists (
              select 1 from pg_attribute a
              where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped))
          order by 1`,
      z.object({ table: z.string(), enabled: z.boolean(), forced: z.boolean() }),
    );
    expect(tables.length).toBeGreaterThanOrEqual(18);
    expect(tables.filter((row) => !row.enabled || !row.forced)).toEqual([]);
  });

  it("shows a query with no filter only the rows of the workspace it runs for", async () => {
    const [a, b] = await twoWorkspaces();
    const seen = await withinWorkspace(a.workspaceId, () => names(t.appDb));
    expect(seen.map((row) => row.workspace_id)).toEqual(seen.map(() => a.workspaceId));
    expect(seen.map((row) => row.name)).toContain("Anna of A");
    const all = await acrossWorkspaces(() => names(t.appDb));
    expect(all.map((row) => row.name)).toEqual(expect.arrayContaining(["Anna of A", "Bert of B"]));
    expect(all.some((row) => row.workspace_id === b.workspaceId)).toBe(true);
  });

  it("lets an unfiltered update touch only the workspace's own rows", async () => {
    const [a, b] = await twoWorkspaces();
    await withinWorkspace(a.workspaceId, () => t.appDb.update(people).set({ timeZone: "Europe/Stockholm" }));
    const zones = await queryRows(
      t.db,
      sql`select workspace_id, time_zone from people where workspace_id in (${a.workspaceId}, ${b.workspaceId})`,
      z.object({ workspace_id: z.string(), time_zone: z.string().nullable() }),
    );
    expect(
      zones.filter((row) => row.workspace_id === a.workspaceId).map((row) => row.time_zone),
    ).not.toContain(null);
    expect(
      zones
        .filter((row) => row.workspace_id === b.workspaceId)
        .every((row) => row.time_zone !== "Europe/Stockholm"),
    ).toBe(true);
  });

  it("refuses to write a row into another workspace", async () => {
    const [a, b] = await twoWorkspaces();
    const code = await refusal(() =>
      withinWorkspace(a.workspaceId, () =>
        t.appDb.insert(people).values({ workspaceId: b.workspaceId, slackUserId: "UFORGED", name: "Forged" }),
      ),
    );
    expect(code).toBe("42501");
    const forged = await queryRows(
      t.db,
      sql`select 1 from people where slack_user_id = 'UFORGED'`,
      z.unknown(),
    );
    expect(forged).toEqual([]);
  });

  it("reaches no tenant row from work that named no workspace, and writes none", async () => {
    await twoWorkspaces();
    expect(await names(t.appDb)).toEqual([]);
    const [a] = await twoWorkspaces();
    const code = await refusal(() =>
      t.appDb
        .insert(people)
        .values({ workspaceId: a.workspaceId, slackUserId: "UNOSCOPE", name: "Nobody's" }),
    );
    expect(code).toBe("42501");
    expect(await withinWorkspace("", () => names(t.appDb))).toEqual([]);
  });

  it("runs as a role that owns nothing, so that connecting as the owner or a superuser bypasses nothing", async () => {
    const [a] = await twoWorkspaces();
    const [who] = await withinWorkspace(a.workspaceId, () =>
      queryRows(
        t.appDb,
        sql`select current_user as role,
                   exists (select 1 from pg_tables where tableowner = current_user) as owns`,
        z.object({ role: z.string(), owns: z.boolean() }),
      ),
    );
    expect(who).toEqual({ role: TENANT_ROLE, owns: false });
  });

  it("keeps each connection on the right workspace as work for many workspaces interleaves", async () => {
    const fixtures = await Promise.all([1, 2, 3, 4].map(() => createFixture(t.db)));
    await Promise.all(fixtures.map((f, i) => f.addPerson({ name: `Only in ${i}` })));
    const rounds = await Promise.all(
      Array.from({ length: 40 }, (_, n) => {
        const index = n % fixtures.length;
        const fixture = fixtures[index] as Fixture;
        return withinWorkspace(fixture.workspaceId, async () => {
          // Every other round fails inside its transaction: the rollback must not leave the connection elsewhere.
          if (n % 2 === 1) {
            await refusal(() =>
              t.appDb.transaction(async (tx) => {
                await tx.execute(sql`select 1`);
                throw new Error("rolled back");
              }),
            );
          }
          const seen = await names(t.appDb);
          return { index, workspaces: [...new Set(seen.map((row) => row.workspace_id))], seen };
        });
      }),
    );
    for (const round of rounds) {
      expect(round.workspaces).toEqual([fixtures[round.index]?.workspaceId]);
      expect(round.seen.map((row) => row.name)).toContain(`Only in ${round.index}`);
    }
  });
});
