import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { products } from "../../../src/db/schema/index.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import type { ProductInput } from "../../../src/licensing/catalog/product-input.ts";
import { saveProduct } from "../../../src/licensing/catalog/save-product.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture, servicesOf } from "../../helpers/factories.ts";

const t = useTestDatabase();

const visio = (over: Partial<ProductInput> = {}): ProductInput => ({
  key: "visio",
  name: "Visio",
  purchasedSeats: 3,
  isDefault: false,
  plans: [],
  newPlan: {
    kind: "office_apps",
    name: "Visio desktop",
    dataDescription: "installs",
    unavailableLocations: ["cn"],
    installLimit: 5,
  },
  ...over,
});

describe("saveProduct", () => {
  it("adds a product with its plan and edits it in place, never below the assigned seats", async () => {
    const f = await createFixture(t.db);
    const created = await saveProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      product: visio(),
      actor: admin,
    });
    if (!created.ok) throw new Error(created.code);
    const [plan] = await servicesOf(t.db, created.productId);
    expect(plan).toMatchObject({ key: "visio-desktop", unavailableLocations: ["CN"], installLimit: 5 });
    const personId = await f.addPerson();
    await assignProduct(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personId,
      productId: created.productId,
      actor: admin,
    });
    const edit = (over: Partial<ProductInput>) =>
      saveProduct(t.db, f.clock, {
        workspaceId: f.workspaceId,
        productId: created.productId,
        product: visio({
          newPlan: null,
          plans: [{ id: plan?.id as string, name: "Visio apps", unavailableLocations: [] }],
          ...over,
        }),
        actor: admin,
      });
    expect(await edit({ purchasedSeats: 0 })).toMatchObject({
      ok: false,
      code: "QUANTITY_BELOW_ASSIGNED",
      assigned: 1,
      toFree: 1,
    });
    expect(await edit({ key: "office" })).toEqual({ ok: false, code: "PRODUCT_KEY_TAKEN" });
    expect(
      await edit({
        plans: [{ id: "00000000-0000-4000-8000-000000000000", name: "x", unavailableLocations: [] }],
      }),
    ).toMatchObject({
      ok: false,
      code: "CATALOG_INVALID",
    });
    const saved = await edit({ name: "Visio Pro", purchasedSeats: 1 });
    expect(saved).toMatchObject({ ok: true, created: false, seats: { available: 0, purchased: 1 } });
    const [after] = await servicesOf(t.db, created.productId);
    expect(after).toMatchObject({ name: "Visio apps", unavailableLocations: [] });
  });

  it("refuses bad input and a new product without a plan, changing nothing", async () => {
    const f = await createFixture(t.db);
    const save = (product: ProductInput) =>
      saveProduct(t.db, f.clock, { workspaceId: f.workspaceId, product, actor: admin });
    expect(await save(visio({ newPlan: null }))).toMatchObject({ ok: false, code: "CATALOG_INVALID" });
    expect(await save(visio({ key: "Not A Key" }))).toMatchObject({ ok: false, code: "CATALOG_INVALID" });
    const noLimit = visio();
    if (noLimit.newPlan) noLimit.newPlan.installLimit = null;
    expect(await save(noLimit)).toMatchObject({ ok: false, code: "CATALOG_INVALID" });
    const rows = await t.db.select().from(products).where(eq(products.workspaceId, f.workspaceId));
    expect(rows.map((r) => r.key)).not.toContain("visio");
  });

  it("lets exactly one of two concurrent saves of the same new key win", async () => {
    const f = await createFixture(t.db);
    const results = await Promise.all(
      [1, 2].map(() =>
        saveProduct(t.db, f.clock, { workspaceId: f.workspaceId, product: visio(), actor: admin }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ code: "PRODUCT_KEY_TAKEN" }]);
  });
});
