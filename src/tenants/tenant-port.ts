/**
 * Where the licenses really live (rule 13). With no tenant ("none"), License Desk's own record is
 * the truth; with a Microsoft 365 tenant, seats, services, usage locations and assignments are the
 * tenant's, and every change is made there too. The domain's use cases speak to this port only,
 * never to Graph, so they do not know which one runs.
 */
export type TenantKind = "none" | "microsoft365";

export interface TenantPort {
  readonly kind: TenantKind;
  /** Every product the tenant holds that can be given to people, with its seats and services. */
  readProducts(): Promise<TenantProduct[]>;
  /** Every person in the tenant, with usage location and licenses (direct or from a group). */
  readPeople(): Promise<TenantPerson[]>;
  /**
   * Applies each change, answering for each one in the same order: applied, or refused with the
   * tenant's reason. A change the tenant could not be reached for (throttled past the retries)
   * comes back `unreachable`, to be tried again: it was not applied.
   */
  applyChanges(changes: LicenseChange[]): Promise<ChangeOutcome[]>;
  /**
   * Sets where a person uses their licenses (an ISO 3166 alpha-2 code, already normalised): the
   * tenant needs it before a license can be given directly. Microsoft 365 lets the app do this
   * only with a user-write permission, which an admin may rightly not have granted.
   */
  setUsageLocation(personId: string, location: string): Promise<UsageLocationOutcome>;
  /**
   * What changed in the tenant since `cursor` (null: from the beginning), and the cursor to ask
   * with next time. Microsoft 365 does not report where a license came from in this feed (delta
   * does not track licenseAssignmentStates): read the person again to learn that.
   */
  readChangesSince(cursor: string | null): Promise<TenantChanges>;
}

export type ProductStatus = "enabled" | "warning" | "suspended" | "deleted" | "locked_out";

export interface TenantProduct {
  /** The tenant's id for the product (Graph `skuId`). */
  id: string;
  /** The tenant's stable code for the product, e.g. `O365_BUSINESS_PREMIUM` (Graph `skuPartNumber`). */
  partNumber: string;
  status: ProductStatus;
  /** Seats bought and usable: "N of M available" has M = seats (Graph `prepaidUnits.enabled`). */
  seats: number;
  /** Seats given to people, groups included (Graph `consumedUnits`). */
  taken: number;
  /** Seats of a subscription in its grace period (`warning`) or switched off (`suspended`): not usable. */
  warningSeats: number;
  suspendedSeats: number;
  services: TenantService[];
}

export interface TenantService {
  /** The tenant's id for the service (Graph `servicePlanId`). */
  id: string;
  /** Its technical name, e.g. `EXCHANGE_S_STANDARD` (Graph `servicePlanName`). */
  name: string;
}

export interface TenantPerson {
  id: string;
  displayName: string;
  /** Primary email, when the person has a mailbox; matching to Slack tries it before `userPrincipalName`. */
  email: string | null;
  userPrincipalName: string;
  /** ISO 3166 alpha-2, or null when unset: then no license can be assigned directly (rule 4). */
  usageLocation: string | null;
  accountEnabled: boolean;
  licenses: TenantLicense[];
}

export interface TenantLicense {
  productId: string;
  /** Null when assigned to the person directly; a group's licenses cannot be removed from the person. */
  groupId: string | null;
  disabledServiceIds: string[];
  /** The tenant's reason when the assignment is in error (e.g. `CountViolation`), else null. */
  error: string | null;
}

export interface LicenseChange {
  personId: string;
  add: { productId: string; disabledServiceIds?: string[] }[];
  /** Product ids to take away. */
  remove: string[];
}

/** Why a tenant refused a change, as a code the Slack layer turns into words. */
export type TenantRefusal =
  | "NO_USAGE_LOCATION"
  | "NO_SEATS_LEFT"
  | "UNKNOWN_PRODUCT"
  | "UNKNOWN_PERSON"
  | "INHERITED_FROM_GROUP"
  | "MUTUALLY_EXCLUSIVE"
  | "DEPENDENCY_MISSING"
  /** The person does not hold the license to remove: for a removal, the tenant is as wanted. */
  | "NOT_HELD"
  /** The workspace is no longer connected to the tenant. */
  | "NOT_CONNECTED"
  | "OTHER";

export type ChangeOutcome =
  | { outcome: "applied"; change: LicenseChange }
  | { outcome: "refused"; change: LicenseChange; reason: TenantRefusal; message: string }
  | { outcome: "unreachable"; change: LicenseChange; message: string };

/** The permission Microsoft 365 asks of an app that sets usage locations (least privilege). */
export const USER_WRITE_PERMISSION = "User.ReadWrite.All";

export type UsageLocationOutcome =
  | { outcome: "applied"; personId: string; location: string }
  | {
      outcome: "refused";
      reason: "PERMISSION_MISSING";
      /** What the admin has to grant the app for this to work. */
      permission: typeof USER_WRITE_PERMISSION;
      message: string;
    }
  | { outcome: "refused"; reason: "INVALID_LOCATION" | "UNKNOWN_PERSON" | "OTHER"; message: string }
  | { outcome: "unreachable"; message: string };

export interface TenantChanges {
  changes: PersonChange[];
  cursor: string;
}

/** Only what the tenant reported as changed is set, besides the id. */
export type PersonChange =
  | {
      kind: "changed";
      person: { id: string } & Partial<Omit<TenantPerson, "id" | "licenses">> & { productIds?: string[] };
    }
  | { kind: "removed"; personId: string };

/**
 * The tenant a workspace is connected to, or null when License Desk is its record. Resolved for
 * each use, so a workspace connected or disconnected from App Home is seen at once.
 */
export type TenantResolver = (workspaceId: string) => Promise<TenantPort | null>;
