import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import {
  BUSINESS_STANDARD,
  EXCHANGE_PLAN_1,
  smallTenant,
  UNKNOWN_SKU,
} from "../graph/demo-tenant-fixture.ts";
import { type GraphJson, rawGraphCall } from "../helpers/local-graph.ts";

let graph: LocalGraph;
beforeEach(async () => {
  graph = await startLocalGraph(smallTenant());
});
afterEach(() => graph.close());

const assign = (userId: string, add: string[], remove: string[] = []) =>
  rawGraphCall(graph, "POST", `/users/${userId}/assignLicense`, {
    addLicenses: add.map((skuId) => ({ skuId, disabledPlans: [] })),
    removeLicenses: remove,
  });

const consumed = async (skuId: string): Promise<number> => {
  const skus = await rawGraphCall(graph, "GET", "/subscribedSkus");
  return skus.body.value.find((s: { skuId: string }) => s.skuId === skuId).consumedUnits;
};

/** Graph's refusal: 400, and the envelope with code, message and a request id. */
const expectRefusal = (
  answer: { status: number; body: GraphJson },
  status: number,
  code: string,
  message: string,
) => {
  expect(answer.status).toBe(status);
  expect(answer.body.error).toMatchObject({ code, message });
  expect(answer.body.error.innerError["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
};

describe("assignLicense on the stand-in", () => {
  it("moves the product's consumed units with assignments, and answers the user", async () => {
    expect(await consumed(BUSINESS_STANDARD)).toBe(2); // Alva directly, Wei through Sales
    const added = await assign("u-bo", [BUSINESS_STANDARD]);
    expect(added.status).toBe(200);
    expect(added.body.assignedLicenses).toEqual([{ skuId: BUSINESS_STANDARD, disabledPlans: [] }]);
    expect(await consumed(BUSINESS_STANDARD)).toBe(3);
    expect((await assign("u-bo", [], [BUSINESS_STANDARD])).status).toBe(200);
    expect(await consumed(BUSINESS_STANDARD)).toBe(2);
  });

  it("takes adding a product already held as harmless: no second seat", async () => {
    expect((await assign("u-alva", [BUSINESS_STANDARD])).status).toBe(200);
    expect(await consumed(BUSINESS_STANDARD)).toBe(2);
  });

  it("refuses a person without a usage location, changing nothing", async () => {
    expectRefusal(
      await assign("u-cleo", [EXCHANGE_PLAN_1]),
      400,
      "Request_BadRequest",
      "License assignment cannot be done for user with invalid usage location.",
    );
    expect(await consumed(EXCHANGE_PLAN_1)).toBe(0);
  });

  it("refuses when no seat is left, and the whole call: the removal in it is not made either", async () => {
    expect((await assign("u-bo", [EXCHANGE_PLAN_1])).status).toBe(200);
    expectRefusal(
      await assign("u-alva", [EXCHANGE_PLAN_1], [BUSINESS_STANDARD]),
      400,
      "Request_BadRequest",
      `Subscription ${EXCHANGE_PLAN_1} does not have any available licenses.`,
    );
    expect(await consumed(BUSINESS_STANDARD)).toBe(2);
  });

  it("refuses a product the tenant does not have", async () => {
    expectRefusal(
      await assign("u-bo", [UNKNOWN_SKU]),
      400,
      "Request_BadRequest",
      `License ${UNKNOWN_SKU} does not correspond to a valid company License.`,
    );
  });

  it("refuses to remove a license the person has from a group, and one the person does not have", async () => {
    expectRefusal(
      await assign("u-wei", [], [BUSINESS_STANDARD]),
      400,
      "Request_BadRequest",
      "User license is inherited from group membership and cannot be removed directly from the user.",
    );
    expectRefusal(
      await assign("u-bo", [], [EXCHANGE_PLAN_1]),
      400,
      "Request_BadRequest",
      "User does not have a corresponding license.",
    );
    expect(await consumed(BUSINESS_STANDARD)).toBe(2);
  });

  it("shows direct and group licenses apart in licenseAssignmentStates", async () => {
    await assign("u-wei", [BUSINESS_STANDARD]);
    const wei = await rawGraphCall(
      graph,
      "GET",
      "/users/u-wei?$select=assignedLicenses,licenseAssignmentStates",
    );
    expect(wei.body.assignedLicenses).toHaveLength(1);
    expect(
      wei.body.licenseAssignmentStates.map((s: { assignedByGroup: string | null }) => s.assignedByGroup),
    ).toEqual([null, smallTenant().groups?.[0]?.id]);
    expect(await consumed(BUSINESS_STANDARD)).toBe(2);
  });

  it("answers 404 for an unknown person and 400 for a body without both lists", async () => {
    expectRefusal(
      await assign("u-nobody", [BUSINESS_STANDARD]),
      404,
      "Request_ResourceNotFound",
      "Resource 'u-nobody' does not exist or one of its queried reference-property objects are not present.",
    );
    const partial = await rawGraphCall(graph, "POST", "/users/u-bo/assignLicense", { addLicenses: [] });
    expect(partial.status).toBe(400);
    expect(partial.body.error.message).toMatch(/missing.*removeLicenses/);
  });

  it("refuses a call without a valid token, in the envelope", async () => {
    const response = await fetch(`${graph.graphUrl}/subscribedSkus`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as GraphJson).error).toMatchObject({
      code: "InvalidAuthenticationToken",
      message: "Access token is empty.",
    });
    const forged = await fetch(`${graph.graphUrl}/subscribedSkus`, {
      headers: { authorization: "Bearer forged" },
    });
    expect(forged.status).toBe(401);
  });
});
