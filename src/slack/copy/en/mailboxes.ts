import { count, nouns } from "./plural.ts";

/** `/license mailboxes`: resource, room and shared mailboxes (rule 8), and their two buttons. */
export const mailboxes = {
  "mailboxes.header": () => "Resource, room and shared mailboxes",
  "mailboxes.none": () => "There are no resource, room or shared mailboxes yet.",
  "mailboxes.fallback": (p: { count: number; atRisk: number }) =>
    `${count(p.count, { one: "mailbox", other: "mailboxes" })}, ${p.atRisk} over quota without a license.`,
  "mailboxes.rule": () =>
    "They need no license while under their quota. Over it and unlicensed, one is locked a month later.",
  "mailboxes.line": (p: { address: string; kind: string; size: string; quota: string; state: string }) =>
    `*${p.address}* (${p.kind}) · ${p.size} of ${p.quota} · ${p.state}`,
  "mailboxes.kind.resource": () => "resource",
  "mailboxes.kind.room": () => "room",
  "mailboxes.kind.shared": () => "shared",
  "mailboxes.state.licensed": (p: { product: string }) => `licensed with ${p.product}`,
  "mailboxes.state.under_quota": () => "under quota, no license needed",
  "mailboxes.state.locked": () => ":lock: *locked*: assign a license or archive it under quota",
  "mailboxes.state.locks_in": (p: { days: number }) =>
    p.days === 0
      ? ":warning: *locks today* unless licensed"
      : `:warning: *locks in ${count(p.days, nouns.day)}* unless licensed`,
  "mailboxes.record_size": () => "Record size",
  "mailboxes.assign": () => "Assign a license",
  "mailboxes.size.title": () => "Mailbox size",
  "mailboxes.size.submit": () => "Record",
  "mailboxes.size.cancel": () => "Cancel",
  "mailboxes.size.label": (p: { address: string }) => `Size of ${p.address}`,
  "mailboxes.size.hint": (p: { quota: string }) =>
    `In GB, like 12.5, or with a unit: 800 MB. Its quota is ${p.quota}.`,
  "mailboxes.size.invalid": () => "Enter a size like 12.5, 12.5 GB or 800 MB.",
  "mailboxes.size.too_big": () => "That is larger than any mailbox can be.",
  "mailboxes.size.recorded_over": (p: { address: string; size: string; quota: string; date: string }) =>
    `*${p.address}* is ${p.size}, over its ${p.quota} quota: it will be locked on ${p.date} unless it gets a license or is archived under quota.`,
  "mailboxes.size.recorded_locked": (p: { address: string; size: string; quota: string }) =>
    `*${p.address}* is ${p.size}, over its ${p.quota} quota, and stays locked until it gets a license or is archived under quota.`,
  "mailboxes.size.recorded_fine": (p: { address: string; size: string }) =>
    `*${p.address}* is ${p.size}: nothing is due.`,
  "mailboxes.license.title": () => "License a mailbox",
  "mailboxes.license.submit": () => "Assign",
  "mailboxes.license.label": (p: { address: string }) => `Product for ${p.address}`,
  "mailboxes.license.option": (p: { product: string; seats: string }) => `${p.product} (${p.seats})`,
  "mailboxes.license.none": () =>
    "No product here includes a mailbox, so none can license it. Add one with `/license products`.",
  "mailboxes.license.already": (p: { address: string; what: string }) =>
    `*${p.address}* is already ${p.what}. Nothing was changed.`,
  "mailboxes.license.done": (p: { address: string; product: string; seats: string }) =>
    `*${p.address}* is licensed with *${p.product}*; it will not be locked. ${p.seats}.`,
  "mailboxes.unknown": () => "That mailbox was not found in this workspace. Nothing was changed.",
} as const;
