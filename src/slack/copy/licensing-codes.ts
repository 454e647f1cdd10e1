import type { LicensingCode } from "../../licensing/outcome.ts";
import type { errors } from "./en/errors.ts";
import type { Catalog } from "./en.ts";

/** One message for each business outcome: a new code does not compile until it has its words. */
export const messageForCode: Record<LicensingCode, keyof typeof errors> = {
  UNKNOWN_PERSON: "error.UNKNOWN_PERSON",
  UNKNOWN_PRODUCT: "error.UNKNOWN_PRODUCT",
  PERSON_DEACTIVATED: "error.PERSON_DEACTIVATED",
  ALREADY_ASSIGNED: "error.ALREADY_ASSIGNED",
  NOT_ASSIGNED: "error.NOT_ASSIGNED",
  INHERITED_FROM_GROUP: "error.INHERITED_FROM_GROUP",
  NO_SEATS_LEFT: "error.NO_SEATS_LEFT",
  WINDOW_CLOSED: "error.WINDOW_CLOSED",
  NOTHING_TO_RESTORE: "error.NOTHING_TO_RESTORE",
  UNKNOWN_WINDOW: "error.UNKNOWN_WINDOW",
  WINDOW_RESTORED: "error.WINDOW_RESTORED",
  USAGE_LOCATION_REQUIRED: "error.USAGE_LOCATION_REQUIRED",
  NOTHING_RUNS_IN_LOCATION: "error.NOTHING_RUNS_IN_LOCATION",
  LOCATION_CHANGE_LOSES_DATA: "error.LOCATION_CHANGE_LOSES_DATA",
  DEVICE_LIMIT_REACHED: "error.DEVICE_LIMIT_REACHED",
  DEVICE_ALREADY_REGISTERED: "error.DEVICE_ALREADY_REGISTERED",
  UNKNOWN_DEVICE: "error.UNKNOWN_DEVICE",
  NO_INSTALLABLE_SERVICE: "error.NO_INSTALLABLE_SERVICE",
  QUANTITY_BELOW_ASSIGNED: "error.QUANTITY_BELOW_ASSIGNED",
  INVALID_QUANTITY: "error.INVALID_QUANTITY",
  INVALID_USAGE_LOCATION: "error.INVALID_USAGE_LOCATION",
  TENANT_LOCATION_REFUSED: "error.TENANT_LOCATION_REFUSED",
  NO_MAILBOX: "error.NO_MAILBOX",
  CATALOG_INVALID: "error.CATALOG_INVALID",
  BULK_EMPTY: "error.BULK_EMPTY",
  BULK_CONFLICT: "error.BULK_CONFLICT",
  IDEMPOTENCY_CONFLICT: "error.IDEMPOTENCY_CONFLICT",
  NOT_ALLOWED: "error.NOT_ALLOWED",
  OWN_REQUEST: "error.OWN_REQUEST",
  ALREADY_DECIDED: "error.ALREADY_DECIDED",
  DUPLICATE_REQUEST: "error.DUPLICATE_REQUEST",
  REQUESTER_ADMINISTERS: "error.REQUESTER_ADMINISTERS",
  NO_APPROVER: "error.NO_APPROVER",
  UNKNOWN_REQUEST: "error.UNKNOWN_REQUEST",
  REASON_REQUIRED: "error.REASON_REQUIRED",
  REASON_TOO_LONG: "error.REASON_TOO_LONG",
  TEXT_TOO_LONG: "error.TEXT_TOO_LONG",
  UNKNOWN_MAILBOX: "error.UNKNOWN_MAILBOX",
  PRODUCT_KEY_TAKEN: "error.PRODUCT_KEY_TAKEN",
  TENANT_NOT_PROVEN: "error.TENANT_NOT_PROVEN",
  INVALID_TENANT_APP: "error.INVALID_TENANT_APP",
  SECRET_NOT_STORABLE: "error.SECRET_NOT_STORABLE",
  NO_TENANT_SETTINGS: "error.NO_TENANT_SETTINGS",
  TENANT_NOT_CONNECTED: "error.TENANT_NOT_CONNECTED",
};

/**
 * What to do after a refusal with this code, the command written out: with the product's key
 * when the refusal names one, else the reader's word for "product" where the key goes.
 */
export function nextStep(t: Catalog, code: LicensingCode, productKey?: string): string {
  return t[`error.next.${code}`]({ product: productKey ?? t["command.product_placeholder"]() });
}

/** The plain message for a code, without the details a failure may carry: what happened, then what to do. */
export function errorText(t: Catalog, code: LicensingCode): string {
  return `${t[messageForCode[code]]()} ${nextStep(t, code)}`;
}
