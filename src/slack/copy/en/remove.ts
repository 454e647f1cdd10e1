import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** The data-loss warning before a removal. */
export const remove = {
  "remove.title": () => "Remove license",
  "remove.submit": () => "Remove",
  "remove.cancel": () => "Cancel",
  "remove.heading": (p: { person: string; product: string }) => `Remove *${p.product}* from *${p.person}*?`,
  "remove.lost.heading": (p: { date: string }) => `*This data ${restorableUntil(p.date)}:*`,
  "remove.lost.none": () =>
    "No data is deleted: what this license turns on outlives removal or stays on through another license the person keeps.",
  "remove.lost.mailbox": (p: { service: string; description: string; size: string }) =>
    `• ${p.service}: ${p.description} (${p.size})`,
  "remove.lost.devices": (p: { service: string; description: string; devices: number }) =>
    `• ${p.service}: ${p.description} (${count(p.devices, nouns.device)})`,
  "remove.lost.item": (p: { service: string; description: string }) => `• ${p.service}: ${p.description}`,
  "remove.survives": (p: { items: string }) => `*Kept after removal:* ${p.items}`,
  "remove.restore_hint": (p: { days: number; date: string }) =>
    `Assigning the license again within ${count(p.days, nouns.day)}, until ${p.date}, restores all of it; any license with the same service brings that service's data back too. The seat is freed at once.`,
} as const;
