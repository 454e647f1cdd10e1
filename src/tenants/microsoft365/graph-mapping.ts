import type { SubscribedSku, User } from "@microsoft/microsoft-graph-types";
import type { GraphError } from "../../graph/graph-error.ts";
import {
  type ProductStatus,
  type TenantPerson,
  type TenantProduct,
  type TenantRefusal,
  USER_WRITE_PERMISSION,
  type UsageLocationOutcome,
} from "../tenant-port.ts";

/** The user properties License Desk reads: who, where (usage location), and which licenses from where. */
export const PERSON_PROPERTIES = [
  "id",
  "displayName",
  "mail",
  "userPrincipalName",
  "usageLocation",
  "accountEnabled",
  "assignedLicenses",
  "licenseAssignmentStates",
].join(",");

const STATUS: Record<string, ProductStatus> = {
  Enabled: "enabled",
  Warning: "warning",
  Suspended: "suspended",
  Deleted: "deleted",
  LockedOut: "locked_out",
};

export function toTenantProduct(sku: SubscribedSku): TenantProduct {
  return {
    id: (sku.skuId ?? "").toLowerCase(),
    partNumber: sku.skuPartNumber ?? "",
    status: STATUS[sku.capabilityStatus ?? ""] ?? "enabled",
    seats: sku.prepaidUnits?.enabled ?? 0,
    taken: sku.consumedUnits ?? 0,
    warningSeats: sku.prepaidUnits?.warning ?? 0,
    suspendedSeats: sku.prepaidUnits?.suspended ?? 0,
    services: (sku.servicePlans ?? []).map((plan) => ({
      id: (plan.servicePlanId ?? "").toLowerCase(),
      name: plan.servicePlanName ?? "",
    })),
  };
}

export function toTenantPerson(user: User): TenantPerson {
  return {
    id: user.id ?? "",
    displayName: user.displayName ?? "",
    email: user.mail ?? null,
    userPrincipalName: user.userPrincipalName ?? "",
    usageLocation: user.usageLocation ?? null,
    accountEnabled: user.accountEnabled ?? true,
    licenses: (user.licenseAssignmentStates ?? []).map((state) => ({
      productId: (state.skuId ?? "").toLowerCase(),
      groupId: state.assignedByGroup ?? null,
      disabledServiceIds: state.disabledPlans ?? [],
      error: state.error && state.error !== "None" ? state.error : null,
    })),
  };
}

/**
 * Graph's refusals of assignLicense come as 400 Request_BadRequest with words, not codes; their
 * wording varies, so they are told apart by the phrases that stay.
 */
const REFUSALS: [RegExp, TenantRefusal][] = [
  [/usage location/i, "NO_USAGE_LOCATION"],
  [/does not have any available licenses|no available licenses/i, "NO_SEATS_LEFT"],
  [/does not correspond to a valid company license/i, "UNKNOWN_PRODUCT"],
  [/inherited from group/i, "INHERITED_FROM_GROUP"],
  [/mutually exclusive/i, "MUTUALLY_EXCLUSIVE"],
  [/depend/i, "DEPENDENCY_MISSING"],
  [/does not have a corresponding license/i, "NOT_HELD"],
];

/** The refusal a change met, or undefined when the error says nothing about the change itself. */
export function refusalOf(error: GraphError): TenantRefusal | undefined {
  if (error.status === 404) return "UNKNOWN_PERSON";
  if (error.status !== 400) return undefined;
  return REFUSALS.find(([pattern]) => pattern.test(error.graphMessage))?.[1] ?? "OTHER";
}

/**
 * What a refused PATCH of a user's usage location means. Graph says 403 Authorization_RequestDenied
 * when the app was not granted a user-write permission; anything Graph may answer later (throttled
 * past the retries, unavailable, signed out) is not a refusal but an unreachable tenant.
 */
export function usageLocationOutcomeOf(error: GraphError): UsageLocationOutcome {
  const message = error.graphMessage;
  if (error.status === 403 && error.graphCode === "Authorization_RequestDenied") {
    return { outcome: "refused", reason: "PERMISSION_MISSING", permission: USER_WRITE_PERMISSION, message };
  }
  if (error.status === 404) return { outcome: "refused", reason: "UNKNOWN_PERSON", message };
  if (error.status === 400) {
    const reason = /usageLocation|usage location/i.test(message) ? "INVALID_LOCATION" : "OTHER";
    return { outcome: "refused", reason, message };
  }
  return { outcome: "unreachable", message: error.message };
}
