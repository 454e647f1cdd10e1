import type { LocalGraphOptions } from "../../src/local-graph/local-graph-server.ts";

/** Two products of a small company, four people: one without a usage location, one licensed by a group. */
export const BUSINESS_STANDARD = "f245ecc8-75af-4f8e-b61f-27d8114de5f3";
export const EXCHANGE_PLAN_1 = "4b9405b0-7788-4568-add1-99614e613b69";
export const UNKNOWN_SKU = "6fd2c87f-b296-42f0-b197-1e91e994b900";
export const EXCHANGE_S_STANDARD = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";
export const GROUP_SALES = "5a1e5a1e-0000-4000-8000-000000000001";

export function smallTenant(): LocalGraphOptions {
  return {
    skus: [
      {
        skuId: BUSINESS_STANDARD,
        skuPartNumber: "O365_BUSINESS_PREMIUM",
        prepaidUnits: { enabled: 3 },
        servicePlans: [
          { servicePlanId: EXCHANGE_S_STANDARD, servicePlanName: "EXCHANGE_S_STANDARD" },
          { servicePlanId: "c7699d2e-19aa-44de-8edf-1736da088ca1", servicePlanName: "SHAREPOINTSTANDARD" },
        ],
      },
      {
        skuId: EXCHANGE_PLAN_1,
        skuPartNumber: "EXCHANGESTANDARD",
        prepaidUnits: { enabled: 1 },
        servicePlans: [{ servicePlanId: EXCHANGE_S_STANDARD, servicePlanName: "EXCHANGE_S_STANDARD" }],
      },
    ],
    users: [
      {
        id: "u-alva",
        displayName: "Alva",
        mail: "alva@example.com",
        userPrincipalName: "alva@example.com",
        usageLocation: "SE",
        licenses: [{ skuId: BUSINESS_STANDARD }],
      },
      {
        id: "u-bo",
        displayName: "Bo",
        mail: "bo@example.com",
        userPrincipalName: "bo@example.com",
        usageLocation: "SE",
      },
      {
        id: "u-cleo",
        displayName: "Cleo",
        mail: null,
        userPrincipalName: "cleo@example.onmicrosoft.com",
        usageLocation: null,
      },
      {
        id: "u-wei",
        displayName: "Wei",
        mail: "wei@example.com",
        userPrincipalName: "wei@example.com",
        usageLocation: "CN",
      },
    ],
    groups: [{ id: GROUP_SALES, displayName: "Sales", skuIds: [BUSINESS_STANDARD], memberIds: ["u-wei"] }],
  };
}
