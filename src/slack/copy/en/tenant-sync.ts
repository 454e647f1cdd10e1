import { count, nouns } from "./plural.ts";

/** `/license sync`: what the sync with the Microsoft 365 tenant found and changed. */
export const tenantSync = {
  "sync.not_connected": () =>
    "This workspace is not connected to a Microsoft 365 tenant: License Desk is the record of its licenses, so there is nothing to sync.",
  "sync.failed": (p: { reason: string }) =>
    `Microsoft 365 could not be synced, so nothing changed here. What went wrong: ${p.reason}`,
  "sync.done": () => "*Synced with Microsoft 365.*",
  "sync.no_license_changes": () => "No license was changed in Microsoft 365 outside License Desk.",
  "sync.changes": (p: { added: number; removed: number }) =>
    `Changed in Microsoft 365, not through License Desk: ${count(p.added, nouns.license)} given, ${p.removed} taken away.`,
  "sync.added": (p: { person: string; product: string; fromGroup: boolean }) =>
    `• ${p.person} got *${p.product}*${p.fromGroup ? " through a group" : ""}`,
  "sync.removed": (p: { person: string; product: string; until: string | null }) =>
    `• ${p.person} lost *${p.product}*${p.until ? `: their data can be restored until ${p.until}` : ""}`,
  "sync.products_new": (p: { products: string }) => `New products from Microsoft 365: ${p.products}.`,
  "sync.products_gone": (p: { products: string }) =>
    `No longer in Microsoft 365 (kept here with their history): ${p.products}.`,
  "sync.products_returned": (p: { products: string }) => `Back in Microsoft 365: ${p.products}.`,
  "sync.over_assigned": (p: { product: string; tenantSeats: number; held: number }) =>
    `*${p.product}*: Microsoft 365 has ${count(p.tenantSeats, nouns.seat)}, but ${p.held} are held. Buy more or free some there.`,
  "sync.people": (p: { matched: number; locations: number }) =>
    `${count(p.matched, nouns.person)} matched to Microsoft 365 users by email${p.locations > 0 ? `; ${count(p.locations, nouns.location)} taken from Microsoft 365` : ""}.`,
  "sync.unmatched_members": (p: { count: number; people: string }) =>
    `${count(p.count, nouns.member)} in Slack with no Microsoft 365 user of the same email: ${p.people}.`,
  "sync.unmatched_tenant_users": (p: { count: number; people: string }) =>
    `${count(p.count, nouns.tenantUser)} with no Slack member of the same email: ${p.people}.`,
  "sync.outside_seats": (p: { seats: string }) => `Seats held by people who are not in Slack: ${p.seats}.`,
  "sync.waiting": (p: { count: number }) =>
    `${count(p.count, nouns.difference)} left to changes License Desk is still making in Microsoft 365.`,
} as const;
