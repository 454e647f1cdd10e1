import { describe, expect, it } from "vitest";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { registerDevice } from "../../src/licensing/register-device.ts";
import { unregisterDevice } from "../../src/licensing/unregister-device.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();

describe("device installs", () => {
  it("allows five Macs or PCs, refuses the sixth until one is removed", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson();
    const productId = await f.productId("office");
    const base = { workspaceId: f.workspaceId, personId, productId, actor: admin };
    await assignProduct(t.db, f.clock, base);
    for (let i = 1; i <= 5; i++) {
      expect(await registerDevice(t.db, f.clock, { ...base, deviceName: `pc-${i}` })).toMatchObject({
        ok: true,
      });
    }
    expect(await registerDevice(t.db, f.clock, { ...base, deviceName: "pc-6" })).toEqual({
      ok: false,
      code: "DEVICE_LIMIT_REACHED",
      limit: 5,
      devices: ["pc-1", "pc-2", "pc-3", "pc-4", "pc-5"],
    });
    expect(await unregisterDevice(t.db, f.clock, { ...base, deviceName: "pc-2" })).toEqual({ ok: true });
    expect(await registerDevice(t.db, f.clock, { ...base, deviceName: "pc-6" })).toMatchObject({
      ok: true,
      devices: ["pc-1", "pc-3", "pc-4", "pc-5", "pc-6"],
    });
    expect(await unregisterDevice(t.db, f.clock, { ...base, deviceName: "pc-2" })).toEqual({
      ok: false,
      code: "UNKNOWN_DEVICE",
    });
  });

  it("concurrent installs never pass the limit", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson();
    const productId = await f.productId("office");
    const base = { workspaceId: f.workspaceId, personId, productId, actor: admin };
    await assignProduct(t.db, f.clock, base);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => registerDevice(t.db, f.clock, { ...base, deviceName: `pc-${i}` })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === "DEVICE_LIMIT_REACHED")).toHaveLength(7);
  });

  it("needs an Office service that is on", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson();
    const base = { workspaceId: f.workspaceId, personId, actor: admin, deviceName: "pc" };
    expect(await registerDevice(t.db, f.clock, { ...base, productId: await f.productId("office") })).toEqual({
      ok: false,
      code: "NO_INSTALLABLE_SERVICE",
    });
    const exchangeOnly = await f.productId("exchange-p1");
    await assignProduct(t.db, f.clock, { ...base, productId: exchangeOnly });
    expect(await registerDevice(t.db, f.clock, { ...base, productId: exchangeOnly })).toEqual({
      ok: false,
      code: "NO_INSTALLABLE_SERVICE",
    });
  });
});
