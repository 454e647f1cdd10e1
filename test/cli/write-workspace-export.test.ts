import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { writeWorkspaceExport } from "../../src/cli/write-workspace-export.ts";
import { systemActor } from "../../src/licensing/actor.ts";
import { assignProduct } from "../../src/licensing/assign-product.ts";
import { deactivateWorkspace } from "../../src/licensing/workspaces/deactivate-workspace.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "license-desk-export-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it("writes an uninstalled workspace's four CSV files to a directory", async () => {
  const f = await createFixture(t.db);
  const personId = await f.addPerson({ name: "Anna Svensson", usageLocation: "SE" });
  const assigned = await assignProduct(t.db, f.clock, {
    workspaceId: f.workspaceId,
    personId,
    productId: await f.productId("office"),
    actor: admin,
  });
  if (!assigned.ok) throw new Error(assigned.code);
  await deactivateWorkspace(t.db, f.clock, {
    workspaceId: f.workspaceId,
    reason: "app_uninstalled",
    actor: systemActor("event", "Ev1"),
  });

  const out = join(dir, f.workspaceId);
  const written = await writeWorkspaceExport(t.db, {
    workspaceId: f.workspaceId,
    dir: out,
    date: "2026-03-02",
  });

  expect(written).toMatchObject({ ok: true, active: false });
  expect((await readdir(out)).sort()).toEqual([
    "license-desk-assignments-2026-03-02.csv",
    "license-desk-audit-log-2026-03-02.csv",
    "license-desk-restore-windows-2026-03-02.csv",
    "license-desk-seats-2026-03-02.csv",
  ]);
  const assignments = await readFile(join(out, "license-desk-assignments-2026-03-02.csv"), "utf8");
  expect(assignments).toContain("Anna Svensson");
});

it("names a workspace it does not know, writing nothing", async () => {
  const out = join(dir, "unknown");
  expect(
    await writeWorkspaceExport(t.db, { workspaceId: "T0NOTHERE", dir: out, date: "2026-03-02" }),
  ).toEqual({
    ok: false,
    code: "UNKNOWN_WORKSPACE",
  });
  await expect(readdir(out)).rejects.toThrow();
});
