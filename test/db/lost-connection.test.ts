import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { CommitOutcomeUnknownError } from "../../src/db/database.ts";
import { assignments, auditLog } from "../../src/db/schema/index.ts";
import { withinWorkspace } from "../../src/db/workspace-scope.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/database.ts";
import { admin, createFixture, type Fixture } from "../helpers/factories.ts";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.ts";

const POOL_MAX = 2;
const BEGIN = /\bbegin\b/i;
// The license writer's statement, which takes the seat. Each test opens a new pool: a statement
// prepared by name sends its text once per connection.
const SEAT_UPDATE = /update products p set assigned_seats/i;
const COMMIT = /\bcommit\b/i;

// A connection that drops is a server's failure: the embedded database runs in this process.
describe.runIf(onPostgres)("a connection lost in the middle of a transaction", () => {
  let t: TestDatabase;
  let proxy: TcpProxy;
  let app: DatabaseHandle;
  let f: Fixture;
  let productId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const target = new URL(t.url as string);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    f = await createFixture(t.db);
    productId = await f.productId("office");
  });
  beforeEach(async () => {
    app = await openDatabase({ kind: "postgres", url: proxy.urlFor(t.url as string), poolMax: POOL_MAX });
  });
  afterEach(async () => {
    await app?.close();
  });
  afterAll(async () => {
    await proxy?.close();
    await t?.close();
  });

  const assign = (personId: string) =>
    withinWorkspace(f.workspaceId, () =>
      assignProduct(app.db, f.clock, { workspaceId: f.workspaceId, personId, productId, actor: admin }),
    );
  /** Starts the assign, cuts its connection where told, and returns how the assign ended. */
  const assignWithCut = async (personId: string, match: RegExp, point: "before" | "after") => {
    const cut = proxy.cutAt(match, point);
    const outcome = await assign(personId).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    expect(cut.happened).toBe(true);
    return outcome;
  };
  const assigned = async (personId: string) =>
    (
      await t.db
        .select()
        .from(assignments)
        .where(and(eq(assignments.personId, personId), eq(assignments.productId, productId)))
    ).length;
  const auditRows = async (personId: string) =>
    (await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId))).filter((row) =>
      JSON.stringify(row.after ?? {}).includes(personId),
    ).length;
  const expectPoolFull = () => {
    const counts = app.connections();
    expect(counts.waiting).toBe(0);
    expect(counts.idle).toBe(counts.total);
  };

  it("gives the connection back when it is lost at BEGIN, so more cuts than the pool holds leave it whole", async () => {
    for (let i = 0; i < POOL_MAX + 2; i++) {
      const person = await f.addPerson();
      const outcome = await assignWithCut(person, BEGIN, "before");
      expect(outcome).toHaveProperty("error");
      expect(await assigned(person)).toBe(0);
      expectPoolFull();
    }
    const next = await f.addPerson();
    expect(await assign(next)).toMatchObject({ ok: true });
    expect(await assigned(next)).toBe(1);
    expectPoolFull();
  });

  it("applies nothing when the connection is lost at a statement, and goes on", async () => {
    const person = await f.addPerson();
    const outcome = await assignWithCut(person, SEAT_UPDATE, "before");
    expect(outcome).toHaveProperty("error");
    expect((outcome as { error: unknown }).error).not.toBeInstanceOf(CommitOutcomeUnknownError);
    expect(await assigned(person)).toBe(0);
    expect(await auditRows(person)).toBe(0);
    expectPoolFull();
    expect(await assign(person)).toMatchObject({ ok: true });
  });

  it("says the outcome is unknown when the connection is lost after COMMIT reached the server, which applied it", async () => {
    const person = await f.addPerson();
    const outcome = await assignWithCut(person, COMMIT, "after");
    expect((outcome as { error: unknown }).error).toBeInstanceOf(CommitOutcomeUnknownError);
    expect(await assigned(person)).toBe(1);
    expect(await auditRows(person)).toBe(1);
    expectPoolFull();
    expect(await assign(await f.addPerson())).toMatchObject({ ok: true });
  });

  it("says the outcome is unknown when the connection is lost before COMMIT reached the server, which did not apply it", async () => {
    const person = await f.addPerson();
    const outcome = await assignWithCut(person, COMMIT, "before");
    expect((outcome as { error: unknown }).error).toBeInstanceOf(CommitOutcomeUnknownError);
    expect(await assigned(person)).toBe(0);
    expectPoolFull();
    expect(await assign(person)).toMatchObject({ ok: true });
  });
});
