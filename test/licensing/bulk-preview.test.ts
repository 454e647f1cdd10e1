import { describe, expect, it } from "vitest";
import { previewBulkChange } from "../../src/licensing/bulk/preview-bulk-change.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { createFixture } from "../helpers/factories.ts";

import { bulkFixtures } from "./bulk-fixtures.ts";

const t = useTestDatabase({ poolMax: 4 });
const { held, office } = bulkFixtures(t);

describe("previewBulkChange", () => {
  it("lists per person what is added, kept and removed, the seats, and every data loss, changing nothing", async () => {
    const f = await createFixture(t.db);
    const { people, ids } = await office(f);
    const preview = await previewBulkChange(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personIds: people,
      add: [ids.lync],
      mode: "replace",
    });
    if (!preview.ok) throw new Error(preview.code);
    expect(
      preview.people.map((p) => [
        p.person.name,
        p.added.map((x) => x.key),
        p.kept.map((x) => x.key),
        p.removed.map((x) => x.key),
      ]),
    ).toEqual([
      ["Ada", ["lync-p2"], [], ["office"]],
      ["Bo", ["lync-p2"], [], ["exchange-p1"]],
      ["Cy", ["lync-p2"], [], []],
    ]);
    expect(preview.products.find((p) => p.product.key === "lync-p2")).toMatchObject({
      adding: 3,
      removing: 0,
      availableBefore: 5,
      availableAfter: 2,
      missing: 0,
    });
    expect(preview.shortfalls).toEqual([]);
    expect(
      preview.dataLoss.map((w) => [
        w.person.name,
        w.product.key,
        w.lost.map((l) => [l.service.key, l.mailboxSizeMb]),
      ]),
    ).toEqual([
      // Lync Plan 2, which replaces Office, carries Lync Online too: Ada's meetings stay.
      [
        "Ada",
        "office",
        [
          ["exchange", 0],
          ["office-apps", null],
        ],
      ],
      ["Bo", "exchange-p1", [["exchange", 500]]],
    ]);
    expect(preview.dataLoss[0]?.goneForGoodAt).toEqual(new Date("2026-04-01T10:00:00Z"));
    expect(await held(people)).toEqual([["office"], ["exchange-p1"], []]);
  });

  it("shows the shortfall per product", async () => {
    const f = await createFixture(t.db);
    const people = await f.addPeople(Array.from({ length: 7 }, () => ({})));
    const preview = await previewBulkChange(t.db, f.clock, {
      workspaceId: f.workspaceId,
      personIds: people,
      add: [await f.productId("lync-p2"), await f.productId("office")],
      mode: "add",
    });
    expect(preview).toMatchObject({
      ok: true,
      shortfalls: [{ product: { key: "lync-p2" }, adding: 7, availableBefore: 5, missing: 2 }],
    });
  });
});
