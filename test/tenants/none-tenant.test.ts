import { describe, expect, it } from "vitest";
import { noneTenant } from "../../src/tenants/none-tenant.ts";

describe("the none tenant: License Desk is the record", () => {
  it("holds nothing of its own to read", async () => {
    const tenant = noneTenant();
    expect(tenant.kind).toBe("none");
    expect(await tenant.readProducts()).toEqual([]);
    expect(await tenant.readPeople()).toEqual([]);
  });

  it("takes every change as applied, in order, since writing the record is the change", async () => {
    const changes = [
      { personId: "p1", add: [{ productId: "office" }], remove: [] },
      { personId: "p2", add: [], remove: ["office"] },
    ];
    expect(await noneTenant().applyChanges(changes)).toEqual([
      { outcome: "applied", change: changes[0] },
      { outcome: "applied", change: changes[1] },
    ]);
  });

  it("takes a usage location as applied too: License Desk's record holds it", async () => {
    expect(await noneTenant().setUsageLocation("p1", "SE")).toEqual({
      outcome: "applied",
      personId: "p1",
      location: "SE",
    });
  });

  it("never has changes made outside it, and keeps the cursor it was given", async () => {
    const first = await noneTenant().readChangesSince(null);
    expect(first.changes).toEqual([]);
    expect(await noneTenant().readChangesSince(first.cursor)).toEqual({ changes: [], cursor: first.cursor });
  });
});
