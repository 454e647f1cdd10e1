import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "../../src/db/postgres-client.ts";
import { assignments, auditLog, products, restoreWindows, serviceData } from "../../src/db/schema/index.ts";
import { asTableOwner } from "../../src/db/workspace-scope.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { removeProduct } from "../../src/licensing/remove-product.ts";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";
import { until } from "../helpers/until.ts";

// Only a server has backends to kill; the embedded database runs in this process.
describe.runIf(onPostgres)("a connection killed mid-transaction", () => {
  let t: TestDatabase;
  let side: ReturnType<typeof createPool>;
  beforeAll(async () => {
    t = await createTestDatabase({ poolMax: 4 });
    side = createPool(t.url as string, 2);
  });
  afterAll(async () => {
    await side?.end();
    await t?.close();
  });

  it("leaves nothing half applied, and the pool goes on with clean transactions", async () => {
    const f = await createFixture(t.db);
    const productId = await f.productId("office");
    const [victim, ...others] = await f.addPeople(Array.from({ length: 9 }, () => ({})));
    // The victim restores a removed license, which writes the window and the data before the seat.
    const input = { workspaceId: f.workspaceId, personId: victim as string, productId, actor: admin };
    await assignProduct(t.db, f.clock, input);
    await removeProduct(t.db, f.clock, input);
    const auditBefore = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));

    // Hold the product row so the assign stops after its first writes, at the seat counter (a
    // weaker lock than FOR UPDATE, which would already stop the foreign-key checks of those writes).
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // The side connection acts as the operator: it locks the row, watches the backends and kills one.
    const blocker = asTableOwner(async () => {
      const client = await side.connect();
      await client.query("begin");
      await client.query("select 1 from products where id = $1 for no key update", [productId]);
      locked();
      await held;
      await client.query("commit");
      client.release();
    });
    await isLocked;

    // Settled into a value at once: its rejection comes while the blocker is still committing.
    const assigning = assignProduct(t.db, f.clock, input).then(
      () => "completed",
      (error: unknown) => error,
    );
    try {
      const pid = await asTableOwner(waitForBlockedBackend);
      await asTableOwner(() => side.query("select pg_terminate_backend($1)", [pid]));
    } finally {
      release();
      await blocker;
    }
    expect(await assigning).toBeInstanceOf(Error);

    const rows = await t.db
      .select()
      .from(assignments)
      .where(eq(assignments.personId, victim as string));
    const data = await t.db
      .select()
      .from(serviceData)
      .where(eq(serviceData.personId, victim as string));
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    const [product] = await t.db.select().from(products).where(eq(products.id, productId));
    const windows = await t.db
      .select()
      .from(restoreWindows)
      .where(eq(restoreWindows.personId, victim as string));
    expect(rows).toEqual([]);
    expect(data.map((d) => d.status).sort()).toEqual(["kept", "retained", "retained", "retained"]);
    expect(windows.map((w) => w.status)).toEqual(["open"]);
    expect(audit).toEqual(auditBefore);
    expect(product?.assignedSeats).toBe(0);

    // Concurrent transactions on the surviving pool: none may carry a dead transaction's statements.
    const results = await Promise.all(
      [victim as string, ...others].map((personId) =>
        assignProduct(t.db, f.clock, { workspaceId: f.workspaceId, personId, productId, actor: admin }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const [counted] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(assignments)
      .where(eq(assignments.productId, productId));
    const [after] = await t.db.select().from(products).where(eq(products.id, productId));
    const auditAfter = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(counted?.n).toBe(9);
    expect(after?.assignedSeats).toBe(9);
    expect(auditAfter.filter((a) => a.action === "license.assigned")).toHaveLength(9);
    expect(auditAfter.filter((a) => a.action === "license.restored")).toHaveLength(1);
  });

  async function waitForBlockedBackend(): Promise<number> {
    // The assign is one statement of the license writer, longer than the text Postgres keeps of
    // it; the only backend of this database waiting on a lock is the one the blocker holds up.
    const blocked = async () =>
      (
        await side.query<{ pid: number }>(
          `select pid from pg_stat_activity
           where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
        )
      ).rows;
    const [row] = await until(blocked, 1);
    if (!row) throw new Error("the assign never reached the seat counter");
    return row.pid;
  }
});
