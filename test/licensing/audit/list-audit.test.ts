import { describe, expect, it } from "vitest";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { type AuditCursor, listAudit } from "../../../src/licensing/audit/list-audit.ts";
import { setPurchasedSeats } from "../../../src/licensing/set-purchased-seats.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture } from "../../helpers/factories.ts";

const t = useTestDatabase();

describe("listAudit", () => {
  it("pages newest first on (at, id): rows of one instant neither repeat nor go missing", async () => {
    const f = await createFixture(t.db);
    const productId = await f.productId("office");
    for (let i = 0; i < 7; i++) {
      await setPurchasedSeats(t.db, f.clock, {
        workspaceId: f.workspaceId,
        productId,
        purchased: 20 + i,
        actor: admin,
      });
    }
    const all = await listAudit(t.db, { workspaceId: f.workspaceId, limit: 100 });
    const seen: number[] = [];
    let after: AuditCursor | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const page = await listAudit(t.db, {
        workspaceId: f.workspaceId,
        limit: 3,
        ...(after ? { after } : {}),
      });
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((e) => e.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(all.entries.map((e) => e.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(all.next).toBeNull();
    expect(all.entries[0]?.action).toBe("product.seats_changed");
    expect(all.entries[0]?.after).toMatchObject({ purchased: 26 });
  });

  it("narrows to what a person did and what was done to them", async () => {
    const f = await createFixture(t.db);
    const [anna, bo] = await f.addPeople([
      { slackUserId: "UANNA1", name: "Anna", isSlackAdmin: true },
      { name: "Bo" },
    ]);
    for (const personId of [anna, bo] as string[]) {
      await assignProduct(t.db, f.clock, {
        workspaceId: f.workspaceId,
        personId,
        productId: await f.productId("office"),
        actor: admin,
      });
    }
    await setPurchasedSeats(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId: await f.productId("office"),
      purchased: 40,
      actor: { userId: "UANNA1", source: "command" },
    });
    const page = await listAudit(t.db, {
      workspaceId: f.workspaceId,
      person: { personId: anna as string, slackUserId: "UANNA1" },
    });
    expect(page.entries.map((e) => e.action).sort()).toEqual(["license.assigned", "product.seats_changed"]);
    expect(JSON.stringify(page.entries)).toContain("Anna");
    expect(JSON.stringify(page.entries)).not.toContain('"Bo"');
  });
});
