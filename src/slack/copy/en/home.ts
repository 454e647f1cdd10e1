import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** App Home: the admin's dashboard, a member's own licenses and requests, and the request modal. */
export const home = {
  "home.header": () => "License Desk",
  "home.admin.bulk": () => "Bulk change",
  "home.admin.products": () => "Products",

  "home.seats.header": () => "Seats",
  "home.seats.line": (p: { bar: string; product: string; seats: string }) =>
    `\`${p.bar}\` *${p.product}*: ${p.seats}`,
  "home.seats.none": () => "There are no products yet. An admin can import a catalog.",
  "home.seats.summary": (p: { products: number; full: number; available: number; purchased: number }) =>
    `${count(p.products, nouns.product)} · ${p.full} with no seats left · ` +
    `${p.available} of ${count(p.purchased, nouns.seat)} available in all`,
  "home.seats.more": (p: { count: number }) =>
    `…and ${count(p.count, nouns.product)} with more seats left. \`/license status\` lists them all.`,

  "home.requests.header": (p: { total: number }) => `Requests waiting (${p.total})`,
  "home.requests.none": () => "No requests are waiting.",
  "home.requests.line_self": (p: { requester: string; product: string; date: string }) =>
    `*${p.requester}* asks for *${p.product}* · since ${p.date}`,
  "home.requests.line_other": (p: { requester: string; person: string; product: string; date: string }) =>
    `*${p.requester}* asks for *${p.product}* for *${p.person}* · since ${p.date}`,
  "home.requests.reason": (p: { reason: string }) => `> ${p.reason}`,
  "home.requests.approve": () => "Approve",
  "home.requests.deny": () => "Deny",
  "home.requests.more": (p: { count: number }) =>
    `…and ${count(p.count, { one: "more request", other: "more requests" })} waiting; the oldest are shown.`,

  "home.windows.header": (p: { days: number; total: number }) =>
    `Data deleted within ${count(p.days, nouns.day)} (${p.total})`,
  "home.windows.none": (p: { days: number }) =>
    `No removed license's data is deleted within ${count(p.days, nouns.day)}.`,
  "home.windows.line": (p: { person: string; product: string; date: string; daysLeft: number }) =>
    `*${p.person}* · *${p.product}*: ${restorableUntil(p.date, p.daysLeft)}`,
  "home.windows.lost": (p: { items: string }) => `Loses: ${p.items}`,
  "home.windows.lost_none": () => "Loses no data.",
  "home.windows.lost.mailbox": (p: { service: string; description: string; size: string }) =>
    `${p.service}: ${p.description} (${p.size})`,
  "home.windows.lost.devices": (p: { service: string; description: string; devices: number }) =>
    `${p.service}: ${p.description} (${count(p.devices, nouns.device)})`,
  "home.windows.lost.item": (p: { service: string; description: string }) => `${p.service}: ${p.description}`,
  "home.windows.restore": () => "Restore",
  "home.windows.more": (p: { count: number }) =>
    `…and ${p.count} more ending later. \`/license show @person\` lists a person's restore windows.`,

  "home.mailboxes.header": (p: { days: number; total: number }) =>
    `Mailboxes locking within ${count(p.days, nouns.day)} (${p.total})`,
  "home.mailboxes.none": (p: { days: number }) => `No mailbox locks within ${count(p.days, nouns.day)}.`,
  "home.mailboxes.line": (p: { address: string; kind: string; size: string; quota: string; date: string }) =>
    `*${p.address}* (${p.kind}): ${p.size} of its ${p.quota} quota, unlicensed · locks on ${p.date}`,
  "home.mailboxes.kind.resource": () => "resource",
  "home.mailboxes.kind.room": () => "room",
  "home.mailboxes.kind.shared": () => "shared",
  "home.mailboxes.license": () => "Assign a license",
  "home.mailboxes.more": (p: { count: number }) =>
    `…and ${p.count} more. \`/license mailboxes\` lists every mailbox.`,

  "home.member.intro": () => "Your licenses and requests. Need another license? Ask the admins for it here.",
  "home.member.request": () => "Request a license",
  "home.member.licenses.header": () => "Your licenses",
  "home.member.licenses.none": () => "You hold no licenses yet.",
  "home.member.license": (p: { product: string; services: string }) => `*${p.product}*: ${p.services}`,
  "home.member.license_nothing_on": (p: { product: string }) => `*${p.product}*: no services turned on`,
  "home.member.windows.header": () => "Can still be restored",
  "home.member.window": (p: { product: string; date: string }) =>
    `*${p.product}*: removed; it ${restorableUntil(p.date)}. An admin can restore it.`,
  "home.member.requests.header": () => "Your requests",
  "home.member.requests.none": () => "You have not asked for a license.",
  "home.member.request.self": (p: { product: string; status: string; date: string }) =>
    `*${p.product}*: ${p.status} · asked on ${p.date}`,
  "home.member.request.other": (p: { product: string; person: string; status: string; date: string }) =>
    `*${p.product}* for *${p.person}*: ${p.status} · asked on ${p.date}`,
  "home.member.request.status.pending": () => "waiting for an admin",
  "home.member.request.status.approved": () => "approved",
  "home.member.request.status.denied": () => "denied",
  "home.member.request.status.cancelled": () => "cancelled",
  "home.member.request.status.expired": () => "expired without a decision",
  "home.member.requests.more": (p: { count: number }) => `…and ${p.count} older.`,

  "home.request.title": () => "Request a license",
  "home.request.submit": () => "Send request",
  "home.request.cancel": () => "Cancel",
  "home.request.product": () => "Product",
  "home.request.product_placeholder": () => "Choose a product",
  "home.request.product_typed_placeholder": () => "A product's key or name",
  "home.request.product_typed_hint": () =>
    "Its key or name, or the start of one. /license status lists them all.",
  "home.request.reason": () => "Why do you need it?",
  "home.request.reason_hint": () => "Optional: the admins read it when they decide.",
  "home.request.error.product": () => "Choose a product.",
  "home.request.filed": (p: { product: string }) =>
    `I asked the admins for *${p.product}*. You'll hear back in a direct message from me, and your Home tab shows where it stands.`,
  "home.request.already_assigned": (p: { product: string }) =>
    `You already have *${p.product}*: your App Home lists your licenses.`,
  "home.request.duplicate": (p: { product: string }) =>
    `You have already asked for *${p.product}*; the admins have it, and you'll hear back in a direct message.`,

  "home.restore.refused": () => "Only license admins can restore licenses. Nothing was changed.",
} as const;
