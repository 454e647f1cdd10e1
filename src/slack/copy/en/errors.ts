/** What a refused or failed action says, one message per domain code. */
export const errors = {
  "error.unexpected": () => "Something went wrong; nothing was changed. Please try again.",
  "error.not_installed": () => "This app is not installed in this workspace.",
  "error.UNKNOWN_PERSON": () => "I don't know that person in this workspace.",
  "error.UNKNOWN_PRODUCT": () => "There is no such product in this workspace.",
  "error.PERSON_DEACTIVATED": () => "That person is deactivated.",
  "error.ALREADY_ASSIGNED": () => "They already have that license.",
  "error.NOT_ASSIGNED": () => "They don't have that license.",
  "error.INHERITED_FROM_GROUP": () =>
    "That license comes from a group in Microsoft 365: it can only be taken away from the group.",
  "error.NO_SEATS_LEFT": () => "No seats are left for that product.",
  "error.WINDOW_CLOSED": () => "The restore window has ended: the data is gone for good.",
  "error.NOTHING_TO_RESTORE": () =>
    "There is nothing to restore: no data of that license is waiting for that person (it was not removed, or its data came back with another license).",
  "error.UNKNOWN_WINDOW": () => "That restore window was not found in this workspace. Nothing was changed.",
  "error.WINDOW_RESTORED": () =>
    "That license was assigned again, so its data was restored: nothing is waiting to be deleted.",
  "error.USAGE_LOCATION_REQUIRED": () =>
    "That person has no usage location, and the workspace has no default.",
  "error.LOCATION_CHANGE_LOSES_DATA": () =>
    "That change of usage location turns services off and their data goes: it needs your confirmation of the warning first. Nothing was changed.",
  "error.NOTHING_RUNS_IN_LOCATION": () =>
    "None of that product's services can run in the person's usage location: assigning it would take a seat and turn nothing on. Nothing was changed.",
  "error.DEVICE_LIMIT_REACHED": () => "The install limit is reached.",
  "error.DEVICE_ALREADY_REGISTERED": () => "That device is already registered.",
  "error.UNKNOWN_DEVICE": () => "There is no device by that name.",
  "error.NO_INSTALLABLE_SERVICE": () => "That person has no Office service to install.",
  "error.QUANTITY_BELOW_ASSIGNED": () => "More seats are assigned than that.",
  "error.INVALID_QUANTITY": () => "That is not a valid number of seats.",
  "error.TENANT_LOCATION_REFUSED": () =>
    "Microsoft 365 did not take the new usage location, so nothing was changed.",
  "error.INVALID_USAGE_LOCATION": () => "That is not a two-letter country code (ISO 3166), like SE or US.",
  "error.NO_MAILBOX": () => "That person has no mailbox for this product.",
  "error.CATALOG_INVALID": () => "The catalog file is not valid; nothing was imported.",
  "error.BULK_EMPTY": () => "There is nothing to change.",
  "error.BULK_CONFLICT": () => "A product cannot be both added and removed.",
  "error.IDEMPOTENCY_CONFLICT": () => "This change was already submitted with other content.",
  "error.NOT_ALLOWED": () => "Only license admins can do that.",
  "error.OWN_REQUEST": () => "You cannot decide your own request.",
  "error.ALREADY_DECIDED": () => "That request has already been decided.",
  "error.DUPLICATE_REQUEST": () => "The same request is already waiting for an admin.",
  "error.REQUESTER_ADMINISTERS": () => "You administer licenses, so there is no one to ask.",
  "error.NO_APPROVER": () =>
    "No one here administers licenses yet, so no one could decide a request; nothing was filed.",
  "error.UNKNOWN_REQUEST": () => "There is no such request.",
  "error.REASON_REQUIRED": () => "A reason is needed.",
  "error.REASON_TOO_LONG": () => "That reason is too long.",
  "error.TEXT_TOO_LONG": () => "That text is too long.",
  "error.UNKNOWN_MAILBOX": () => "There is no such mailbox.",
  "error.PRODUCT_KEY_TAKEN": () => "Another product already has that key.",
  "error.TENANT_NOT_PROVEN": () =>
    "Nothing was connected: signing in to that Microsoft 365 tenant did not work.",
  "error.INVALID_TENANT_APP": () =>
    "That is not an app registration: the tenant is its id or a domain, the app its id. Nothing was connected.",
  "error.SECRET_NOT_STORABLE": () =>
    "A client secret can only be kept encrypted, and no encryption key is set, so nothing was connected.",
  "error.NO_TENANT_SETTINGS": () => "No Microsoft 365 tenant is set up for this installation.",
  "error.TENANT_NOT_CONNECTED": () => "This workspace is not connected to a Microsoft 365 tenant.",
} as const;
