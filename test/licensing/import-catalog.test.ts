import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { products } from "../../src/db/schema/index.ts";
import { systemActor } from "../../src/licensing/actor.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { importCatalog } from "../../src/licensing/catalog/import-catalog.ts";
import { fixedClock } from "../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../src/licensing/directory/ensure-workspace.ts";
import { useTestDatabase } from "../helpers/database.ts";
import {
  admin,
  createFixture,
  exampleCatalog,
  servicesOf,
  singleProductCatalog,
} from "../helpers/factories.ts";

const t = useTestDatabase();

const clock = fixedClock("2026-03-02T10:00:00Z");
const actor = systemActor("cli");

async function emptyWorkspace(id: string) {
  await ensureWorkspace(t.db, { id, name: id });
  return id;
}

describe("importCatalog", () => {
  it("loads the example catalog with the help page's products", async () => {
    const workspaceId = await emptyWorkspace("TCATALOG1");
    const result = await importCatalog(t.db, clock, { workspaceId, catalog: await exampleCatalog(), actor });
    expect(result).toMatchObject({ ok: true, updated: [] });
    const rows = await t.db.select().from(products).where(eq(products.workspaceId, workspaceId));
    expect(rows.map((r) => r.name)).toContain("Office 365 Small Business Premium");
    expect(rows.map((r) => r.name)).toContain("Exchange Online Plan 1");
    const office = rows.find((r) => r.key === "office");
    const plans = await servicesOf(t.db, office?.id as string);
    expect(plans.map((p) => p.name).sort()).toEqual([
      "Exchange Online",
      "Lync Online",
      "Office desktop apps",
      "SharePoint Online",
    ]);
    expect(plans.find((p) => p.kind === "office_apps")?.installLimit).toBe(5);
    expect(plans.find((p) => p.kind === "team_site")?.dataSurvivesRemoval).toBe(true);
  });

  it("names a service by key across products: products that list it carry the same service", async () => {
    const f = await createFixture(t.db);
    const [office, exchange] = await Promise.all([f.productId("office"), f.productId("exchange-p1")]);
    const [officeServices, exchangeServices] = await Promise.all([
      servicesOf(t.db, office),
      servicesOf(t.db, exchange),
    ]);
    expect(exchangeServices.map((s) => s.key)).toEqual(["exchange"]);
    expect(officeServices.find((s) => s.key === "exchange")?.id).toBe(exchangeServices[0]?.id);
  });

  it("refuses one key described two ways, since it would be one service", async () => {
    const workspaceId = await emptyWorkspace("TCATALOG3");
    const mail = singleProductCatalog(3, "mail").products[0];
    const other = {
      ...singleProductCatalog(3, "other").products[0],
      plans: [{ key: "exchange", name: "Exchange Online", kind: "meetings", dataDescription: "Mailbox" }],
    };
    const result = await importCatalog(t.db, clock, {
      workspaceId,
      catalog: { products: [mail, other] },
      actor,
    });
    expect(result).toEqual({
      ok: false,
      code: "CATALOG_INVALID",
      errors: [
        'products[1].plans[0]: service "exchange" is described differently in products[0].plans[0]; one key is one service',
      ],
    });
  });

  it("reports every error with its path and imports nothing", async () => {
    const workspaceId = await emptyWorkspace("TCATALOG2");
    const catalog = {
      products: [
        singleProductCatalog(3, "fine").products[0],
        {
          key: "Bad Key",
          name: "",
          purchasedSeats: -1,
          plans: [{ key: "x", name: "X", kind: "fax", dataDescription: "d", unavailableLocations: ["QQ"] }],
        },
        { ...singleProductCatalog(3, "fine").products[0] },
      ],
    };
    const result = await importCatalog(t.db, clock, { workspaceId, catalog, actor });
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error("unreachable");
    if (result.code !== "CATALOG_INVALID") throw new Error(`expected CATALOG_INVALID, got ${result.code}`);
    const paths = result.errors.map((e) => e.split(":")[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        "products[1].key",
        "products[1].name",
        "products[1].purchasedSeats",
        "products[1].plans[0].kind",
        "products[1].plans[0].unavailableLocations[0]",
        "products[2].key",
      ]),
    );
    expect(await t.db.select().from(products).where(eq(products.workspaceId, workspaceId))).toEqual([]);
  });

  it.each([null, "text", [], { products: [] }, { products: [{}] }, { products: [], extra: 1 }])(
    "refuses %j without throwing",
    async (catalog) => {
      const result = await importCatalog(t.db, clock, { workspaceId: "TCATALOG2", catalog, actor });
      expect(result).toMatchObject({ ok: false, code: "CATALOG_INVALID" });
    },
  );

  it("updates existing products by key, and refuses seats below what is assigned", async () => {
    const f = await createFixture(t.db, { catalog: singleProductCatalog(3) });
    const productId = await f.productId("mail");
    for (const personId of await f.addPeople([{}, {}])) {
      await assignProduct(t.db, f.clock, { workspaceId: f.workspaceId, personId, productId, actor: admin });
    }
    const shrunk = singleProductCatalog(1);
    expect(await importCatalog(t.db, clock, { workspaceId: f.workspaceId, catalog: shrunk, actor })).toEqual({
      ok: false,
      code: "CATALOG_INVALID",
      errors: ["products[0].purchasedSeats: 1 is below the 2 seats assigned; free 1 first"],
    });
    const grown = singleProductCatalog(8);
    expect(await importCatalog(t.db, clock, { workspaceId: f.workspaceId, catalog: grown, actor })).toEqual({
      ok: true,
      created: [],
      updated: ["mail"],
    });
    const [row] = await t.db.select().from(products).where(eq(products.id, productId));
    expect(row).toMatchObject({ purchasedSeats: 8, assignedSeats: 2 });
  });
});
