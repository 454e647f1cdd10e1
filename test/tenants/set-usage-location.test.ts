import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { connectMicrosoft365 } from "../../src/tenants/microsoft365/connect-microsoft365.ts";
import type { TenantPort } from "../../src/tenants/tenant-port.ts";
import { BUSINESS_STANDARD, smallTenant } from "../graph/demo-tenant-fixture.ts";

let graph: LocalGraph;
let tenant: TenantPort;
afterEach(() => graph.close());

/** Connected as the app would be: from the M365_* settings, pointed at the stand-in. */
async function connect() {
  graph = await startLocalGraph(smallTenant());
  const config = loadConfig({
    M365_TENANT_ID: graph.app.tenantId,
    M365_CLIENT_ID: graph.app.clientId,
    M365_CLIENT_SECRET: graph.app.secrets?.[0],
    M365_GRAPH_URL: graph.graphUrl,
    M365_LOGIN_URL: graph.loginUrl,
  });
  tenant = connectMicrosoft365(config.microsoft365 ?? (undefined as never));
}

const locationIn = (userId: string) => graph.tenant.userJson(userId)?.usageLocation;

describe("setting a person's usage location in Microsoft 365", () => {
  it("writes it to the tenant, which then takes a direct license for that person", async () => {
    await connect();
    expect(await tenant.setUsageLocation("u-cleo", "NO")).toEqual({
      outcome: "applied",
      personId: "u-cleo",
      location: "NO",
    });
    expect(locationIn("u-cleo")).toBe("NO");
    const [assigned] = await tenant.applyChanges([
      { personId: "u-cleo", add: [{ productId: BUSINESS_STANDARD }], remove: [] },
    ]);
    expect(assigned?.outcome).toBe("applied");
  });

  it("is refused as PERMISSION_MISSING, naming User.ReadWrite.All, when the app may not write users", async () => {
    await connect();
    graph.permissions.delete("User.ReadWrite.All");
    expect(await tenant.setUsageLocation("u-bo", "NO")).toEqual({
      outcome: "refused",
      reason: "PERMISSION_MISSING",
      permission: "User.ReadWrite.All",
      message: "Insufficient privileges to complete the operation.",
    });
    expect(locationIn("u-bo")).toBe("SE");
  });

  it("tells a code the tenant does not take from a person it does not know", async () => {
    await connect();
    expect(await tenant.setUsageLocation("u-bo", "XX")).toMatchObject({
      outcome: "refused",
      reason: "INVALID_LOCATION",
    });
    expect(await tenant.setUsageLocation("u-nobody", "SE")).toMatchObject({
      outcome: "refused",
      reason: "UNKNOWN_PERSON",
    });
    expect(locationIn("u-bo")).toBe("SE");
  });

  it("calls a tenant that stays throttled unreachable, having changed nothing", async () => {
    await connect();
    graph.failures.failRequests(99, { status: 429, retryAfterSeconds: 0 }, /^\/users\/u-bo$/);
    const outcome = await tenant.setUsageLocation("u-bo", "NO");
    expect(outcome).toMatchObject({ outcome: "unreachable", message: expect.stringContaining("429") });
    expect(graph.requests.filter((r) => r.method === "PATCH")).toHaveLength(5);
    expect(locationIn("u-bo")).toBe("SE");
  });
});
