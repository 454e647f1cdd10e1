import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_SKUS, TENANT_ONLY_USER } from "../../src/console/demo-tenant.ts";
import { people, products, tenantConnections } from "../../src/db/schema/index.ts";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { parseCsv } from "../../src/tenants/microsoft365/service-plan-table.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { runConsoleScript } from "./run-console-script.ts";

const t = useTestDatabase();
const root = fileURLToPath(new URL("../..", import.meta.url));

let graph: LocalGraph | undefined;
afterEach(async () => {
  await graph?.close();
  graph = undefined;
});

/** The licenses the stand-in holds for the tenant user with this email. */
function heldInTenant(tenant: LocalGraph, email: string): string[] {
  const user = tenant.tenant
    .userIds()
    .map((id) => tenant.tenant.userJson(id))
    .find((u) => u?.mail === email);
  if (!user) throw new Error(`no tenant user ${email}`);
  return (user.assignedLicenses ?? []).map((l) => l.skuId ?? "");
}

const OFFICE = (DEMO_SKUS.office as { skuId: string }).skuId;
const EXCHANGE = (DEMO_SKUS["exchange-p1"] as { skuId: string }).skuId;

/** The README's walkthrough, as written: it runs with a tenant as without. */
async function walkthroughLines(): Promise<string[]> {
  return (await readFile(join(root, "docs", "walkthrough.txt"), "utf8")).split("\n");
}

describe("the console connected to a demo Microsoft 365 tenant (--tenant demo)", () => {
  it("runs the walkthrough against the tenant: changes reach it, and the console shows what it did", async () => {
    graph = await startLocalGraph();
    const workspaceId = "T0DEMOM365";
    // Office 365 Small Business for all five: the tenant's reception account holds one of its 5
    // seats, so one of them is refused there.
    const smallBusinessForEveryone = [
      "/license bulk",
      "@alva, @bo, @cleo, @wei, @lin",
      "Office 365 Small Business",
      "-",
      "Add",
      "Apply",
    ];
    const { code, transcript } = await runConsoleScript(
      t.appDb,
      workspaceId,
      [...(await walkthroughLines()), ...smallBusinessForEveryone],
      { tenant: graph },
    );
    expect(transcript).not.toContain("Script failed");
    expect(code).toBe(0);
    expect(transcript).toContain("Connected to a demo Microsoft 365 tenant");

    // The assign reached the tenant, and the console said so in its words.
    expect(heldInTenant(graph, "cleo@example.com")).toContain(OFFICE);
    expect(transcript).toContain(
      "Microsoft 365: assigned Office 365 Small Business Premium to cleo@example.com.",
    );
    // Removed, restored, removed again: the tenant holds what License Desk says; and the bulk change.
    expect(heldInTenant(graph, "bo@example.com")).not.toContain(OFFICE);
    expect(transcript).toContain(
      "Microsoft 365: removed Office 365 Small Business Premium from bo@example.com.",
    );
    expect(heldInTenant(graph, "wei@example.com")).toContain(EXCHANGE);
    expect(transcript).toContain("Microsoft 365: assigned Exchange Online (Plan 1) to wei@example.com.");
    // The reminder's Restore, made in the tenant, settled the reminder's copy.
    expect(transcript).toContain("Restored by @alva");

    // The refusal: the tenant's own words in the console, its reason in words for the admin.
    expect(transcript).toMatch(
      /Microsoft 365: refused to assign Office 365 Small Business to \w+@example\.com: Subscription bd09678e-b83c-4d3f-aaba-3dad4abd128b does not have any available licenses\./,
    );
    expect(transcript).toContain("Microsoft 365 made 4 of 5 changes; it refused the others, below.");
    expect(transcript).toMatch(
      /Microsoft 365 did not assign Office 365 Small Business to [A-Z][a-z]+ [A-Z][a-z]+: the tenant has no licenses of it left\./,
    );
    const smallBusiness = (DEMO_SKUS["office-sb"] as { skuId: string }).skuId;
    const holders = graph.tenant
      .userIds()
      .filter((id) => graph?.tenant.userJson(id)?.assignedLicenses?.some((l) => l.skuId === smallBusiness));
    expect(holders).toHaveLength(5);
    expect(holders).toContain(TENANT_ONLY_USER.id);

    // The workspace is connected, its products and people carry the tenant's ids.
    const [connection] = await t.db
      .select()
      .from(tenantConnections)
      .where(eq(tenantConnections.workspaceId, workspaceId));
    expect(connection?.tenantId).toBe(graph.app.tenantId);
    const office = await t.db
      .select({ tenantProductId: products.tenantProductId })
      .from(products)
      .where(eq(products.workspaceId, workspaceId));
    expect(office.map((p) => p.tenantProductId)).toContain(OFFICE);
    const matched = await t.db
      .select({ tenantPersonId: people.tenantPersonId })
      .from(people)
      .where(eq(people.workspaceId, workspaceId));
    expect(matched.every((p) => p.tenantPersonId !== null)).toBe(true);
  }, 150_000);

  it("makes a change the tenant could not take at once when the jobs run", async () => {
    graph = await startLocalGraph();
    // Every try of the first assign is answered "unavailable": it waits, with its seat held.
    graph.failures.failBatchItems(5, { status: 503, retryAfterSeconds: 0 });
    const { code, transcript } = await runConsoleScript(
      t.appDb,
      "T0DEMOJOBS",
      [
        "/license assign @cleo exchange-p1",
        "expect Sent to Microsoft 365",
        "expect Microsoft 365: asked to wait (HTTP 503) before it would assign Exchange Online (Plan 1) to cleo@example.com",
        "jobs --at +1d",
        "expect tenant changes 1",
        "expect Microsoft 365: assigned Exchange Online (Plan 1) to cleo@example.com.",
        "expect Assigned in Microsoft 365: Exchange Online Plan 1 for Cleo Carlsson.",
      ],
      { tenant: graph },
    );
    expect(transcript).not.toContain("Script failed");
    expect(code).toBe(0);
    expect(heldInTenant(graph, "cleo@example.com")).toEqual([EXCHANGE]);
  }, 60_000);

  it("disconnects the demo tenant when started without it: what waited for it is refused, its seat freed", async () => {
    graph = await startLocalGraph();
    graph.failures.failBatchItems(5, { status: 503, retryAfterSeconds: 0 });
    const workspaceId = "T0DEMOGONE";
    const first = await runConsoleScript(
      t.appDb,
      workspaceId,
      ["/license assign @cleo exchange-p1", "expect Sent to Microsoft 365"],
      { tenant: graph },
    );
    expect(first.transcript).not.toContain("Script failed");
    const second = await runConsoleScript(t.appDb, workspaceId, [
      "expect License Desk is the record again",
      "jobs",
      "expect Microsoft 365 did not assign Exchange Online Plan 1 to Cleo Carlsson",
      "expect this workspace is no longer connected to Microsoft 365",
      "/license status",
      "expect Exchange Online Plan 1 exchange-p1: 10 of 10 available",
      "/license assign @cleo exchange-p1",
      "expect You now have Exchange Online Plan 1",
    ]);
    expect(second.transcript).not.toContain("Script failed");
    expect(second.code).toBe(0);
    expect(second.transcript).not.toContain("Sent to Microsoft 365");
    const left = await t.db
      .select()
      .from(tenantConnections)
      .where(eq(tenantConnections.workspaceId, workspaceId));
    expect(left).toEqual([]);
  }, 60_000);

  it("refuses a tenant other than demo with a clear message", async () => {
    const run = promisify(execFile);
    const failed = await run(
      join(root, "node_modules", ".bin", "tsx"),
      ["src/main.ts", "--tenant", "contoso"],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? "", DATA_DIR: join(tmpdir(), "license-desk-never-opened") },
      },
    ).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('No tenant called "contoso"');
    expect(failed?.stderr).toContain("--tenant demo");
  }, 60_000);

  it("gives the demo products Microsoft's own ids, part numbers and service plans", async () => {
    const [header, ...rows] = parseCsv(
      await readFile(join(root, "db", "seed", "microsoft365-service-plans.csv"), "utf8"),
    );
    const at = (name: string) => header?.indexOf(name) ?? -1;
    for (const sku of Object.values(DEMO_SKUS)) {
      const mine = rows.filter((r) => r[at("sku_id")] === sku.skuId);
      expect(mine.length).toBeGreaterThan(0);
      expect(new Set(mine.map((r) => r[at("product_name")]))).toEqual(new Set([sku.productName]));
      expect(new Set(mine.map((r) => r[at("sku_part_number")]))).toEqual(new Set([sku.skuPartNumber]));
      expect(new Set(mine.map((r) => `${r[at("service_plan_id")]} ${r[at("service_plan_name")]}`))).toEqual(
        new Set(sku.servicePlans.map((p) => `${p.servicePlanId} ${p.servicePlanName}`)),
      );
    }
  });
});
