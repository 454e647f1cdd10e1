import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../src/db/schema/index.ts";
import { asTableOwner } from "../../src/db/workspace-scope.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();

describe("the audit log", () => {
  it("cannot be changed, deleted or truncated, even by the app's own connection", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson();
    await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId: await f.productId("office"),
      actor: admin,
    });
    const before = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(before.length).toBeGreaterThan(0);

    expect(
      await refusal(
        t.db.update(auditLog).set({ actor: "forged" }).where(eq(auditLog.workspaceId, f.workspaceId)),
      ),
    ).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(t.db.delete(auditLog).where(eq(auditLog.workspaceId, f.workspaceId)))).toMatch(
      /append-only: DELETE refused/,
    );
    // The app's role is not even granted TRUNCATE; the tables' owner meets the trigger.
    expect(await refusal(t.db.execute(sql`truncate audit_log`))).toMatch(
      /permission denied for table audit_log/,
    );
    expect(await asTableOwner(() => refusal(t.db.execute(sql`truncate audit_log`)))).toMatch(
      /append-only: TRUNCATE refused/,
    );

    const after = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(after).toEqual(before);
  });
});

/** The database's own message; the driver wraps it as the cause of its query error. */
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return "no error";
}
