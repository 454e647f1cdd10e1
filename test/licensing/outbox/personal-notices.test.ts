import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../../src/db/schema/index.ts";
import { assignInTransaction } from "../../../src/licensing/assign-product.ts";
import { inTransaction } from "../../../src/licensing/outcome.ts";
import { removeProduct } from "../../../src/licensing/remove-product.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture } from "../../helpers/factories.ts";

const t = useTestDatabase();

const noticesIn = async (workspaceId: string) =>
  (await t.db.select().from(outbox).where(eq(outbox.workspaceId, workspaceId))).map(
    (row) => row.message as { kind: string },
  );

describe("personal notices (rule 12)", () => {
  it("are queued in the change's own transaction: a change rolled back after its write tells nobody", async () => {
    const f = await createFixture(t.db);
    const input = {
      workspaceId: f.workspaceId,
      personId: await f.addPerson({ name: "Bo" }),
      productId: await f.productId("office"),
      actor: admin,
    };
    const failing = inTransaction(t.db, async (tx) => {
      const assigned = await assignInTransaction(tx, f.clock.now(), input, {
        requireRestore: false,
        tellPerson: true,
      });
      expect(assigned.ok).toBe(true);
      throw new Error("the connection dropped before the commit");
    });
    await expect(failing).rejects.toThrow("the connection dropped");
    expect(await noticesIn(f.workspaceId)).toEqual([]);
  });

  it("name only the data the person really loses, and when it is gone for good", async () => {
    const f = await createFixture(t.db);
    const input = {
      workspaceId: f.workspaceId,
      personId: await f.addPerson({ name: "Bo" }),
      productId: await f.productId("office"),
      actor: admin,
    };
    await inTransaction(t.db, (tx) =>
      assignInTransaction(tx, f.clock.now(), input, { requireRestore: false, tellPerson: true }),
    );
    const removed = await removeProduct(t.db, f.clock, input);
    if (!removed.ok) throw new Error(removed.code);
    const notices = (await noticesIn(f.workspaceId)) as { lost?: unknown[] }[];
    expect(notices).toHaveLength(2);
    expect(notices.find((n) => n.lost?.length)).toMatchObject({
      kind: "license_changes",
      by: "Fixture Admin",
      gained: [],
      lost: [
        {
          product: "Office 365 Small Business Premium",
          goneForGoodAt: removed.warning.goneForGoodAt.toISOString(),
          data: removed.warning.lost.map((d) => ({ service: d.service.name })),
        },
      ],
    });
  });
});
