/**
 * Every word a Slack user reads, in English, keyed by message id. Another language is another file
 * of the same `Catalog` type: the compiler lists what it still lacks.
 */
export const en = {
  "error.unexpected": () => "Something went wrong; nothing was changed. Please try again.",
  "error.UNKNOWN_PERSON": () => "I don't know that person in this workspace.",
  "error.UNKNOWN_PRODUCT": () => "There is no such product in this workspace.",
  "error.PERSON_DEACTIVATED": () => "That person is deactivated; reactivate them first.",
  "error.ALREADY_ASSIGNED": () => "They already have that license.",
  "error.NOT_ASSIGNED": () => "They don't have that license.",
  "error.NO_SEATS_LEFT": () => "No seats are left for that product. Free a seat or buy more first.",
  "error.WINDOW_CLOSED": () =>
    "The restore window has ended: the data is gone for good. Assigning the license again starts afresh.",
  "error.USAGE_LOCATION_REQUIRED": () =>
    "That person has no usage location, and the workspace has no default. Set one with `/license location @person CC`.",
  "error.DEVICE_LIMIT_REACHED": () => "The install limit is reached: remove a device before adding another.",
  "error.DEVICE_ALREADY_REGISTERED": () => "That device is already registered.",
  "error.UNKNOWN_DEVICE": () => "There is no device by that name.",
  "error.NO_INSTALLABLE_SERVICE": () => "That person has no Office service to install.",
  "error.QUANTITY_BELOW_ASSIGNED": () => "More seats are assigned than that; free some first.",
  "error.INVALID_QUANTITY": () => "That is not a valid number of seats.",
  "error.INVALID_USAGE_LOCATION": () => "That is not a two-letter country code (ISO 3166), like SE or US.",
  "error.NO_MAILBOX": () => "That person has no mailbox for this product.",
  "error.CATALOG_INVALID": () => "The catalog file is not valid; nothing was imported.",
  "error.BULK_EMPTY": () => "Pick at least one person and one product.",
  "error.BULK_CONFLICT": () => "A product cannot be both added and removed.",
  "error.IDEMPOTENCY_CONFLICT": () => "This change was already submitted with other content; start it again.",
  "error.NOT_ALLOWED": () => "Only license admins can do that.",
  "error.OWN_REQUEST": () => "You cannot decide your own request.",
  "error.ALREADY_DECIDED": () => "That request has already been decided.",
  "error.DUPLICATE_REQUEST": () => "The same request is already waiting for an admin.",
  "error.UNKNOWN_REQUEST": () => "There is no such request.",
  "error.REASON_REQUIRED": () => "Please give a reason.",
  "error.UNKNOWN_MAILBOX": () => "There is no such mailbox.",

  "remove.title": () => "Remove license",
  "remove.submit": () => "Remove",
  "remove.cancel": () => "Cancel",
  "remove.heading": (p: { person: string; product: string }) => `Remove *${p.product}* from *${p.person}*?`,
  "remove.lost.heading": (p: { date: string }) => `*This data is deleted for good on ${p.date}:*`,
  "remove.lost.none": () => "No data is deleted: nothing of this license holds data that removal loses.",
  "remove.lost.mailbox": (p: { service: string; description: string; size: string }) =>
    `• ${p.service}: ${p.description} (${p.size})`,
  "remove.lost.devices": (p: { service: string; description: string; devices: number }) =>
    `• ${p.service}: ${p.description} (${p.devices} ${p.devices === 1 ? "device" : "devices"})`,
  "remove.lost.item": (p: { service: string; description: string }) => `• ${p.service}: ${p.description}`,
  "remove.survives": (p: { items: string }) => `*Kept after removal:* ${p.items}`,
  "remove.restore_hint": (p: { days: number; date: string }) =>
    `Assigning the license again within ${p.days} days, before ${p.date}, restores all of it. The seat is freed at once.`,
  "list.more": (p: { count: number }) => `…and ${p.count} more`,
} as const;

export type Catalog = { [K in keyof typeof en]: (typeof en)[K] };
export type MessageId = keyof Catalog;
