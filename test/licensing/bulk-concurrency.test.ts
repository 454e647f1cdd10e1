import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { products } from "../../src/db/schema/index.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { applyBulkChange } from "../../src/licensing/bulk/apply-bulk-change.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

import { bulkFixtures } from "./bulk-fixtures.ts";

const t = useTestDatabase({ poolMax: 12 });
const { counterMatchesRows } = bulkFixtures(t);

describe("bulk changes under concurrency", () => {
  it("overlapping bulks never oversubscribe, never deadlock forever, and keep counters equal to rows", async () => {
    const f = await createFixture(t.db, {
      catalog: {
        products: ["p", "q", "r"].map((key) => ({
          key,
          name: `Product ${key}`,
          purchasedSeats: 30,
          plans: [{ key: "mail", name: "Exchange Online", kind: "mailbox", dataDescription: "Mailbox" }],
        })),
      },
    });
    const people = await f.addPeople(Array.from({ length: 60 }, () => ({})));
    const [p, q, r] = [await f.productId("p"), await f.productId("q"), await f.productId("r")];
    const groups = [
      people.slice(0, 20),
      people.slice(10, 30),
      people.slice(20, 40),
      people.slice(30, 50),
      people.slice(40, 60),
    ];
    const productSets = [[p, q], [q, r], [r, p], [p, q, r], [q]];
    const results = await Promise.all(
      groups.flatMap((group, i) => [
        applyBulkChange(t.db, f.clock, {
          workspaceId: f.workspaceId,
          personIds: group,
          add: productSets[i] as string[],
          mode: "replace",
          actor: admin,
        }),
        assignProduct(t.db, f.clock, {
          workspaceId: f.workspaceId,
          personId: group[0] as string,
          productId: r,
          actor: admin,
        }),
      ]),
    );
    expect(results.length).toBe(10);
    expect(await counterMatchesRows(f.workspaceId)).toBe(true);
    const seats = await t.db.select().from(products).where(eq(products.workspaceId, f.workspaceId));
    expect(seats.every((s) => s.assignedSeats <= s.purchasedSeats)).toBe(true);
  });
});
