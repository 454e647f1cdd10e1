import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, auditLog, products } from "../../src/db/schema/index.ts";
import { applyBulkChange } from "../../src/licensing/bulk/apply-bulk-change.ts";
import { previewBulkChange } from "../../src/licensing/bulk/preview-bulk-change.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();

describe("a bulk change adding a product none of whose services run where someone is (rule 4)", () => {
  it("is refused whole, naming each person and product, unless the admin says so", async () => {
    const f = await createFixture(t.db);
    const people = await f.addPeople([
      { name: "Bo", usageLocation: "SE" },
      { name: "Wei", usageLocation: "CN" },
    ]);
    const lync = await f.productId("lync-p2");
    const request = { workspaceId: f.workspaceId, personIds: people, add: [lync], mode: "add" as const };
    const refusal = {
      ok: false,
      code: "NOTHING_RUNS_IN_LOCATION",
      cases: [
        { person: { name: "Wei" }, product: { key: "lync-p2" }, services: ["Lync Online"], location: "CN" },
      ],
    };
    expect(await previewBulkChange(t.db, f.clock, request)).toMatchObject(refusal);
    const applied = await applyBulkChange(t.db, f.clock, { ...request, actor: admin });
    expect(applied).toMatchObject(refusal);
    if (!applied.ok && applied.code === "NOTHING_RUNS_IN_LOCATION") expect(applied.cases).toHaveLength(1);
    // Whole or not at all: Bo, where Lync runs, did not get it either.
    expect(await t.db.select().from(assignments).where(inArray(assignments.personId, people))).toHaveLength(
      0,
    );

    const confirmed = await applyBulkChange(t.db, f.clock, {
      ...request,
      actor: admin,
      evenIfNothingRuns: true,
    });
    expect(confirmed).toMatchObject({ ok: true, added: 2 });
    const [row] = await t.db.select().from(products).where(eq(products.id, lync));
    expect(row?.assignedSeats).toBe(2);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(audits.some((a) => JSON.stringify(a.after).includes("evenIfNothingRuns"))).toBe(true);
  });
});
