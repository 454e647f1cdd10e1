import type { RequestStatus } from "../db/schema/index.ts";

/** A person a refusal names. */
export interface FailurePerson {
  id?: string;
  name: string;
  slackUserId: string;
}

/** A product a refusal names. */
export interface FailureProduct {
  id: string;
  key: string;
  name: string;
}

/** One product's seats in a bulk change that does not fit. */
export interface SeatShortfall {
  product: FailureProduct;
  adding: number;
  removing: number;
  availableBefore: number;
  availableAfter: number;
  /** Seats missing for the change to fit; 0 when it fits. */
  missing: number;
}

/** A person and a product none of whose services can run in the person's usage location. */
export interface NothingRunsCase {
  person: FailurePerson;
  product: FailureProduct;
  /** The product's services, by name: none is available in `location`. */
  services: string[];
  location: string;
}

/** One service a change of usage location turns off, under the held product that carried it. */
export interface LocationLoss {
  service: { key: string; name: string };
  product: FailureProduct;
  description: string;
}

/** The data-loss warning of a usage location change (rules 4 and 6): what goes, and when for good. */
export interface LocationChangeWarning {
  person: FailurePerson;
  from: string | null;
  to: string;
  goneForGoodAt: Date;
  /** Deleted for good at goneForGoodAt unless the person is back where the service runs before then. */
  lost: LocationLoss[];
  /** Switched off, kept (it outlives removal: SharePoint documents). */
  survives: LocationLoss[];
}

type NoDetails = Record<never, never>;

/** Why a Microsoft 365 app registration could not be proven: what the admin can fix. */
export type TenantSignInProblem =
  | "unknown_tenant"
  | "unknown_app"
  | "wrong_secret"
  | "secret_expired"
  | "wrong_certificate"
  | "permission_missing"
  | "unreachable"
  | "refused";

/** A field of the app registration an admin types in to connect a tenant. */
export type TenantAppField = "tenantId" | "clientId" | "secret";

/** Whom and what a refusal is about, when the use case knows: the words then name them. */
interface About {
  person?: FailurePerson;
  product?: FailureProduct;
}

/**
 * The one shape of each failure code's details: data, never words (the Slack layer words them).
 * A detail a use case cannot always know is optional, and the words then say less.
 */
export interface FailureDetails {
  /** `ids`: in a bulk change, the people asked for that are not in the directory. */
  UNKNOWN_PERSON: { ids?: string[] };
  /** `ids`: in a bulk change, the products asked for that are not in the catalog. */
  UNKNOWN_PRODUCT: { ids?: string[] };
  PERSON_DEACTIVATED: { people?: FailurePerson[]; product?: FailureProduct };
  ALREADY_ASSIGNED: About;
  NOT_ASSIGNED: About;
  /** The tenant gives it through a group (rule 13): only taking it from the group removes it. */
  INHERITED_FROM_GROUP: About & { group: string };
  /** One product's seats (a single assign), or every product short of seats (a bulk change). */
  NO_SEATS_LEFT: {
    product?: FailureProduct;
    seats?: { purchased: number; assigned: number; available: number };
    shortfalls?: SeatShortfall[];
  };
  /** `purgedAt`: when the window's data was deleted, when known. */
  WINDOW_CLOSED: About & { purgedAt?: Date | null };
  NOTHING_TO_RESTORE: About;
  UNKNOWN_WINDOW: NoDetails;
  WINDOW_RESTORED: NoDetails;
  USAGE_LOCATION_REQUIRED: { people?: FailurePerson[]; product?: FailureProduct };
  /** The change takes data away: the admin confirms the warning first, naming what they saw go. */
  LOCATION_CHANGE_LOSES_DATA: { warning: LocationChangeWarning };
  /** Assigning would take a seat and turn nothing on; the admin may confirm it all the same. */
  NOTHING_RUNS_IN_LOCATION: { cases: NothingRunsCase[] };
  DEVICE_LIMIT_REACHED: { limit: number; devices: string[] };
  DEVICE_ALREADY_REGISTERED: NoDetails;
  UNKNOWN_DEVICE: NoDetails;
  NO_INSTALLABLE_SERVICE: About;
  QUANTITY_BELOW_ASSIGNED: { assigned: number; toFree: number; product?: FailureProduct };
  INVALID_QUANTITY: { max: number };
  INVALID_USAGE_LOCATION: { input: string };
  /**
   * The tenant did not take the new usage location (rule 13), so nothing changed here either:
   * `permission` is what the app lacks, when that is why; `message` is the tenant's own words.
   */
  TENANT_LOCATION_REFUSED: { permission: string | null; message: string };
  NO_MAILBOX: NoDetails;
  /** `errors`: each problem with its path in the catalog, e.g. "products.0.key: required". */
  CATALOG_INVALID: { errors: string[] };
  BULK_EMPTY: NoDetails;
  /** `products`: the products both to give and to take away. */
  BULK_CONFLICT: { products: string[] };
  IDEMPOTENCY_CONFLICT: NoDetails;
  NOT_ALLOWED: NoDetails;
  OWN_REQUEST: NoDetails;
  ALREADY_DECIDED: {
    status: RequestStatus;
    decidedBy?: { name: string; slackUserId: string } | null;
    decidedAt?: Date | null;
  };
  /** `requestId`: the request already pending. */
  DUPLICATE_REQUEST: About & { requestId: string };
  /** The requester administers licenses: they assign rather than ask. */
  REQUESTER_ADMINISTERS: About;
  /** No one but the requester administers licenses, so no one could decide the request. */
  NO_APPROVER: NoDetails;
  UNKNOWN_REQUEST: NoDetails;
  REASON_REQUIRED: NoDetails;
  REASON_TOO_LONG: { max: number };
  /** Other free text over its limit, in characters as a person counts them: which field, and the limit. */
  TEXT_TOO_LONG: { field: "note" | "device_name"; max: number };
  UNKNOWN_MAILBOX: NoDetails;
  PRODUCT_KEY_TAKEN: NoDetails;
  /**
   * Signing in to the tenant, or reading its products, failed, or the app lacks a permission:
   * nothing was stored. `missing`: the permissions to grant; `tenantMessage`: the tenant's words.
   */
  TENANT_NOT_PROVEN: { problem: TenantSignInProblem; missing: string[]; tenantMessage: string };
  /** The app registration typed in cannot be one: which fields. */
  INVALID_TENANT_APP: { fields: TenantAppField[] };
  /** No TOKEN_ENCRYPTION_KEY is set, so a client secret cannot be stored sealed. */
  SECRET_NOT_STORABLE: NoDetails;
  /** Connecting with the settings needs the M365_* settings. */
  NO_TENANT_SETTINGS: NoDetails;
  TENANT_NOT_CONNECTED: NoDetails;
}
