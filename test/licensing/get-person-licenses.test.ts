import { describe, expect, it } from "vitest";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { setUsageLocation } from "../../src/licensing/directory/set-usage-location.ts";
import { getPersonLicenses } from "../../src/licensing/get-person-licenses.ts";
import { registerDevice } from "../../src/licensing/register-device.ts";
import { removeProduct } from "../../src/licensing/remove-product.ts";
import { setMailboxSize } from "../../src/licensing/set-mailbox-size.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();

describe("getPersonLicenses", () => {
  it("shows products, services on and skipped with why, and open windows with days left", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ name: "Li Wei", usageLocation: "CN" });
    const office = await f.productId("office");
    const exchange = await f.productId("exchange-p1");
    const base = { workspaceId: f.workspaceId, personId, actor: admin };
    await assignProduct(t.db, f.clock, { ...base, productId: office });
    await registerDevice(t.db, f.clock, { ...base, productId: office, deviceName: "li-pc" });
    await assignProduct(t.db, f.clock, { ...base, productId: exchange });
    await setMailboxSize(t.db, f.clock, { ...base, productId: exchange, sizeMb: 700 });
    // Office carries Exchange Online too: the mailbox stays on, and no window opens.
    await removeProduct(t.db, f.clock, { ...base, productId: exchange });

    const result = await getPersonLicenses(t.db, f.clock, { workspaceId: f.workspaceId, personId });
    expect(result).toMatchObject({
      ok: true,
      person: { name: "Li Wei", usageLocation: "CN", active: true },
      licenses: [
        {
          product: { key: "office" },
          skipped: [{ key: "lync", location: "CN" }],
        },
      ],
      openWindows: [],
    });
    if (!result.ok) throw new Error("unreachable");
    const enabled = result.licenses[0]?.enabled ?? [];
    expect(enabled.map((s) => s.key)).toEqual(["exchange", "office-apps", "sharepoint"]);
    expect(enabled.find((s) => s.key === "office-apps")?.devices).toEqual(["li-pc"]);
    expect(enabled.find((s) => s.key === "exchange")?.mailboxSizeMb).toBe(700);

    await removeProduct(t.db, f.clock, { ...base, productId: office });
    f.clock.advanceDays(10);
    const after = await getPersonLicenses(t.db, f.clock, { workspaceId: f.workspaceId, personId });
    expect(after).toMatchObject({
      ok: true,
      licenses: [],
      openWindows: [
        {
          product: { key: "office" },
          daysLeft: 20,
          purgeAt: new Date("2026-04-01T10:00:00Z"),
          retained: [
            { key: "exchange", mailboxSizeMb: 700 },
            { key: "office-apps", devices: ["li-pc"] },
          ],
        },
      ],
    });
  });

  it("answers UNKNOWN_PERSON for someone outside the workspace", async () => {
    const f = await createFixture(t.db);
    const other = await createFixture(t.db);
    const stranger = await other.addPerson();
    expect(
      await getPersonLicenses(t.db, f.clock, { workspaceId: f.workspaceId, personId: stranger }),
    ).toEqual({
      ok: false,
      code: "UNKNOWN_PERSON",
    });
  });
});

describe("setUsageLocation", () => {
  it("validates the country code and decides what the next assignment turns on", async () => {
    const f = await createFixture(t.db);
    const personId = await f.addPerson({ usageLocation: "SE" });
    const base = { workspaceId: f.workspaceId, personId, actor: admin };
    expect(await setUsageLocation(t.db, f.clock, { ...base, usageLocation: "Narnia" })).toEqual({
      ok: false,
      code: "INVALID_USAGE_LOCATION",
      input: "Narnia",
    });
    expect(await setUsageLocation(t.db, f.clock, { ...base, usageLocation: "cn" })).toMatchObject({
      ok: true,
      before: "SE",
      usageLocation: "CN",
    });
    const assigned = await assignProduct(t.db, f.clock, { ...base, productId: await f.productId("office") });
    expect(assigned).toMatchObject({ ok: true, skipped: [{ key: "lync", location: "CN" }] });
  });
});
