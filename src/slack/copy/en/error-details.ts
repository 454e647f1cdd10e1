import { count, nouns } from "./plural.ts";

/** Refusals that say more than their code: how many to free, when, by whom, which ones. */
export const errorDetails = {
  "error.detail.QUANTITY_BELOW_ASSIGNED": (p: { product: string | null; assigned: number; asked: number }) =>
    `${p.product ? `*${p.product}*: ` : ""}${count(p.assigned, nouns.seatIs)} assigned, more than ${p.asked}.`,
  "error.detail.QUANTITY_BELOW_ASSIGNED.next": (p: { assigned: number; toFree: number; product: string }) =>
    `Free ${count(p.toFree, nouns.seat)} first with \`/license remove @person ${p.product}\`, or keep at least ${p.assigned}.`,
  "error.detail.NO_SEATS_LEFT": (p: { product: string; seats: string }) =>
    `No seats are left for *${p.product}* (${p.seats}).`,
  "error.detail.NO_SEATS_LEFT.product": (p: { product: string }) => `No seats are left for *${p.product}*.`,
  "error.detail.NO_SEATS_LEFT.bulk": () => "Not enough seats, so nothing was changed. Missing per product:",
  "error.detail.NO_SEATS_LEFT.shortfall": (p: {
    product: string;
    missing: number;
    adding: number;
    available: number;
  }) => `*${p.product}*: ${p.missing} missing (${p.adding} to assign, ${p.available} available)`,
  "error.detail.WINDOW_CLOSED": (p: { date: string }) =>
    `The restore window ended on ${p.date}: the data is gone for good.`,
  "error.detail.ALREADY_DECIDED": (p: { status: string; by: string | null; date: string | null }) =>
    `That request was already ${p.status}${p.by ? ` by *${p.by}*` : ""}${p.date ? ` on ${p.date}` : ""}.`,
  "error.detail.DEVICE_LIMIT_REACHED": (p: { limit: number }) =>
    `All ${count(p.limit, { one: "install is", other: "installs are" })} in use. Installed on:`,
  "error.detail.INVALID_QUANTITY": (p: { max: string }) =>
    `That is not a valid number: use a whole number from 0 to ${p.max}.`,
  "error.detail.TENANT_LOCATION_REFUSED.permission": (p: { permission: string }) =>
    `Microsoft 365 did not let License Desk set the usage location: the app needs the *${p.permission}* permission. Nothing was changed.`,
  "error.detail.TENANT_LOCATION_REFUSED": (p: { message: string }) =>
    `Microsoft 365 did not take the new usage location, so nothing was changed. It said: "${p.message}"`,
  "error.detail.INVALID_USAGE_LOCATION": (p: { input: string }) =>
    `"${p.input}" is not a two-letter country code (ISO 3166), like SE or US.`,
  "error.detail.REASON_TOO_LONG": (p: { max: string }) =>
    `That reason is too long: a reason can be at most ${p.max} characters.`,
  "error.detail.TEXT_TOO_LONG": (p: { field: string; max: string }) =>
    `That ${p.field} is too long: it can be at most ${p.max} characters.`,
  "error.field.note": () => "note",
  "error.field.device_name": () => "device name",
  "error.detail.CATALOG_INVALID": () => "The catalog file is not valid; nothing was imported. What is wrong:",
  "error.detail.PERSON_DEACTIVATED": () => "These people are deactivated:",
  "error.detail.USAGE_LOCATION_REQUIRED": () =>
    "These people have no usage location, and the workspace has no default:",
  "error.detail.NOTHING_RUNS_IN_LOCATION": (p: {
    person: string;
    product: string;
    services: string;
    location: string;
  }) =>
    `None of the services of *${p.product}* (${p.services}) can run in *${p.person}*'s usage location ${p.location}: assigning it would take a seat and turn nothing on. Nothing was changed.`,
  "error.detail.NOTHING_RUNS_IN_LOCATION.many": () =>
    "Nothing was changed: for these people, none of a product's services can run in their usage location, so its seat would turn nothing on. Leave them out, or assign each with `/license assign`, which offers to assign anyway:",
  "error.detail.NOTHING_RUNS_IN_LOCATION.case": (p: {
    person: string;
    product: string;
    services: string;
    location: string;
  }) => `*${p.person}* in ${p.location}: *${p.product}* (${p.services})`,
  "error.detail.item": (p: { item: string }) => `• ${p.item}`,
  "request.status.approved": () => "approved",
  "request.status.denied": () => "denied",
  "request.status.cancelled": () => "cancelled",
  "request.status.expired": () => "expired",
  "request.status.decided": () => "decided",
} as const;
