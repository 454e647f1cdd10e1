import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkTenant } from "../../src/cli/check-tenant.ts";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { connectMicrosoft365 } from "../../src/tenants/microsoft365/connect-microsoft365.ts";
import { readServicePlanTable } from "../../src/tenants/microsoft365/service-plan-table.ts";
import { smallTenant } from "../graph/demo-tenant-fixture.ts";

const plans = readServicePlanTable(
  fileURLToPath(new URL("../../db/seed/microsoft365-service-plans.csv", import.meta.url)),
);

let graph: LocalGraph;
afterEach(() => graph.close());

const connect = (secret: string) =>
  connectMicrosoft365({
    tenantId: graph.app.tenantId,
    clientId: graph.app.clientId,
    credential: { kind: "secret", secret },
    graphUrl: graph.graphUrl,
    loginUrl: graph.loginUrl,
  });

describe("checking the Microsoft 365 credentials", () => {
  it("shows the products with their seats and who cannot be licensed directly, changing nothing", async () => {
    graph = await startLocalGraph(smallTenant());
    const result = await checkTenant(connect("local-graph-secret"), plans);
    expect(result).toEqual({
      code: 0,
      lines: [
        "Products people can be given: 2",
        "  Microsoft 365 Business Standard (O365_BUSINESS_PREMIUM): 1 of 3 available",
        "  Exchange Online (Plan 1) (EXCHANGESTANDARD): 1 of 1 available",
        "People: 4",
        "  without a usage location (no license can be assigned to them directly): 1",
        "  with a license from a group (not removable from License Desk): 1",
        "Nothing was changed in the tenant.",
      ],
    });
    expect(graph.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("says why sign-in failed and what to check", async () => {
    graph = await startLocalGraph(smallTenant());
    const result = await checkTenant(connect("wrong"), plans);
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatch(
      /^Microsoft 365 refused: invalid_client: AADSTS7000215: Invalid client secret provided/,
    );
    expect(result.lines[1]).toMatch(/Check M365_TENANT_ID, M365_CLIENT_ID/);
  });
});
