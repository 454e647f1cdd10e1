import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../src/db/schema/index.ts";
import { recordUnknownTarget } from "../../src/licensing/record-unknown-target.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();

const refusalsIn = (workspaceId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "refused")));

describe("recordUnknownTarget", () => {
  it("records nothing for ids of the acting workspace", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson();
    const productId = await f.productId("office");
    const recorded = await recordUnknownTarget(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: admin,
      attempted: "remove",
      targets: [
        { type: "person", id: personId },
        { type: "product", id: productId },
      ],
    });
    expect(recorded).toBe(false);
    expect(await refusalsIn(f.workspaceId)).toEqual([]);
  });

  it("records another workspace's id once, on the acting workspace's record only", async () => {
    const here = await createFixture(t.db);
    const there = await createFixture(t.db);
    const foreignPerson = await there.addPerson();
    const recorded = await recordUnknownTarget(t.db, here.clock, {
      workspaceId: here.workspaceId,
      actor: admin,
      attempted: "remove",
      targets: [
        { type: "person", id: foreignPerson },
        { type: "product", id: await there.productId("office") },
      ],
    });
    expect(recorded).toBe(true);
    expect(await refusalsIn(there.workspaceId)).toEqual([]);
    const rows = await refusalsIn(here.workspaceId);
    expect(rows.map((r) => [r.targetType, r.targetId, r.after])).toEqual([
      ["person", foreignPerson, { attempted: "remove", reason: "UNKNOWN_TARGET" }],
    ]);
  });

  it("takes made-up ids, however long, without asking the database to cast them", async () => {
    const f = await createFixture(t.db);
    const forged = `not-a-uuid-${"x".repeat(300)}`;
    for (const type of ["license_request", "restore_window", "non_user_mailbox", "view"] as const) {
      await recordUnknownTarget(t.db, f.clock, {
        workspaceId: f.workspaceId,
        actor: admin,
        attempted: "try",
        targets: [{ type, id: forged }],
      });
    }
    const rows = await refusalsIn(f.workspaceId);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.targetId === forged.slice(0, 100))).toBe(true);
  });
});
