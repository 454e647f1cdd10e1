import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { assignments, products } from "../../src/db/schema/index.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { setMailboxSize } from "../../src/licensing/set-mailbox-size.ts";
import { admin, type Fixture } from "../helpers/factories.ts";

/** What bulk-change tests read back and start from, on the test's own database. */
export function bulkFixtures(t: { db: Database }) {
  async function held(personIds: string[]) {
    const rows = await t.db
      .select({ personId: assignments.personId, key: products.key })
      .from(assignments)
      .innerJoin(products, eq(products.id, assignments.productId))
      .where(inArray(assignments.personId, personIds));
    return personIds.map((id) =>
      rows
        .filter((r) => r.personId === id)
        .map((r) => r.key)
        .sort(),
    );
  }

  async function counterMatchesRows(workspaceId: string) {
    const rows = await t.db.execute(sql`
    select p.key, p.assigned_seats as counter, count(a.id)::int as rows
    from products p left join assignments a on a.product_id = p.id
    where p.workspace_id = ${workspaceId} group by p.id`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
      counter: number;
      rows: number;
    }[];
    return list.every((r) => r.counter === r.rows);
  }

  /** Three people: one holding office, one holding exchange-p1 with a 500 MB mailbox, one with nothing. */
  async function office(f: Fixture) {
    const [a, b, c] = (await f.addPeople([{ name: "Ada" }, { name: "Bo" }, { name: "Cy" }])) as [
      string,
      string,
      string,
    ];
    const ids = {
      office: await f.productId("office"),
      exchange: await f.productId("exchange-p1"),
      lync: await f.productId("lync-p2"),
    };
    const base = { workspaceId: f.workspaceId, actor: admin };
    await assignProduct(t.db, f.clock, { ...base, personId: a, productId: ids.office });
    await assignProduct(t.db, f.clock, { ...base, personId: b, productId: ids.exchange });
    await setMailboxSize(t.db, f.clock, { ...base, personId: b, productId: ids.exchange, sizeMb: 500 });
    return { people: [a, b, c] as [string, string, string], ids };
  }

  return { held, counterMatchesRows, office };
}
