import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { connectMicrosoft365 } from "../../src/tenants/microsoft365/connect-microsoft365.ts";
import type { TenantPort } from "../../src/tenants/tenant-port.ts";
import {
  BUSINESS_STANDARD,
  EXCHANGE_PLAN_1,
  GROUP_SALES,
  smallTenant,
  UNKNOWN_SKU,
} from "../graph/demo-tenant-fixture.ts";

let graph: LocalGraph;
let tenant: TenantPort;
afterEach(() => graph.close());

/** Connected as the app would be: from the M365_* settings, pointed at the stand-in. */
async function connect(options = smallTenant()) {
  graph = await startLocalGraph(options);
  const config = loadConfig({
    M365_TENANT_ID: graph.app.tenantId,
    M365_CLIENT_ID: graph.app.clientId,
    M365_CLIENT_SECRET: graph.app.secrets?.[0],
    M365_GRAPH_URL: graph.graphUrl,
    M365_LOGIN_URL: graph.loginUrl,
  });
  tenant = connectMicrosoft365(config.microsoft365 ?? (undefined as never));
}

describe("a Microsoft 365 tenant through Graph", () => {
  it("reads the products people can be given, with seats, taken seats and services", async () => {
    const options = smallTenant();
    options.skus?.push({
      skuId: "c2e41e49-e2a2-4c55-832a-cf13ffba1d6a",
      skuPartNumber: "10_ALR_ADDON",
      appliesTo: "Company",
      prepaidUnits: { enabled: 1 },
      servicePlans: [],
    });
    await connect(options);
    const products = await tenant.readProducts();
    expect(products.map((p) => p.partNumber)).toEqual(["O365_BUSINESS_PREMIUM", "EXCHANGESTANDARD"]);
    expect(products[0]).toMatchObject({ id: BUSINESS_STANDARD, status: "enabled", seats: 3, taken: 2 });
    expect(products[0]?.services.map((s) => s.name)).toEqual(["EXCHANGE_S_STANDARD", "SHAREPOINTSTANDARD"]);
  });

  it("reads people with usage location and licenses, direct or from a group", async () => {
    await connect();
    const people = await tenant.readPeople();
    expect(people.map((p) => [p.id, p.usageLocation])).toEqual([
      ["u-alva", "SE"],
      ["u-bo", "SE"],
      ["u-cleo", null],
      ["u-wei", "CN"],
    ]);
    expect(people[0]?.licenses).toEqual([
      { productId: BUSINESS_STANDARD, groupId: null, disabledServiceIds: [], error: null },
    ]);
    expect(people[3]?.licenses[0]).toMatchObject({ productId: BUSINESS_STANDARD, groupId: GROUP_SALES });
    expect(people[2]?.email).toBeNull();
  });

  it("applies changes and answers each with the tenant's outcome, refusals by reason", async () => {
    await connect();
    const add = (personId: string, productId: string) => ({ personId, add: [{ productId }], remove: [] });
    const outcomes = await tenant.applyChanges([
      add("u-bo", EXCHANGE_PLAN_1),
      add("u-alva", EXCHANGE_PLAN_1),
      add("u-cleo", BUSINESS_STANDARD),
      add("u-bo", UNKNOWN_SKU),
      { personId: "u-wei", add: [], remove: [BUSINESS_STANDARD] },
      add("u-nobody", BUSINESS_STANDARD),
    ]);
    expect(outcomes.map((o) => (o.outcome === "refused" ? o.reason : o.outcome))).toEqual([
      "applied",
      "NO_SEATS_LEFT",
      "NO_USAGE_LOCATION",
      "UNKNOWN_PRODUCT",
      "INHERITED_FROM_GROUP",
      "UNKNOWN_PERSON",
    ]);
    expect((await tenant.readProducts())[1]?.taken).toBe(1);
  });

  it("applies a throttled change after Retry-After, and calls one that stays throttled unreachable, not applied", async () => {
    await connect();
    graph.failures.failBatchItems(1, { status: 429, retryAfterSeconds: 0.1 }, /u-bo/);
    const [applied] = await tenant.applyChanges([
      { personId: "u-bo", add: [{ productId: EXCHANGE_PLAN_1 }], remove: [] },
    ]);
    expect(applied?.outcome).toBe("applied");
    graph.failures.failBatchItems(99, { status: 429, retryAfterSeconds: 0 }, /u-alva/);
    const [stuck] = await tenant.applyChanges([{ personId: "u-alva", add: [], remove: [BUSINESS_STANDARD] }]);
    expect(stuck).toMatchObject({
      outcome: "unreachable",
      message: expect.stringContaining("TooManyRequests"),
    });
    expect((await tenant.readProducts())[0]?.taken).toBe(2);
  });

  it("reads changes made in the tenant since a cursor: everyone first, then only what changed", async () => {
    await connect();
    const first = await tenant.readChangesSince(null);
    expect(first.changes).toHaveLength(4);
    graph.tenant.updateUser("u-cleo", { usageLocation: "NO" });
    graph.tenant.deleteUser("u-wei");
    await tenant.applyChanges([{ personId: "u-bo", add: [{ productId: EXCHANGE_PLAN_1 }], remove: [] }]);
    const next = await tenant.readChangesSince(first.cursor);
    expect(next.changes).toEqual([
      { kind: "changed", person: expect.objectContaining({ id: "u-cleo", usageLocation: "NO" }) },
      { kind: "removed", personId: "u-wei" },
      { kind: "changed", person: expect.objectContaining({ id: "u-bo", productIds: [EXCHANGE_PLAN_1] }) },
    ]);
    expect((await tenant.readChangesSince(next.cursor)).changes).toEqual([]);
  });
});
