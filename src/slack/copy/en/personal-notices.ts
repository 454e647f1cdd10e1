import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** What a person is told about their own licenses (rule 12), by direct message. */
export const personalNotices = {
  "notice.heading": () => "Your licenses changed",
  "notice.heading_joined": () => "Welcome: your licenses",
  "notice.by": (p: { by: string }) => `Changed by ${p.by}.`,
  "notice.by_app": () => "Given to every new member of this workspace.",
  "notice.gained": (p: { product: string }) => `:white_check_mark: You now have *${p.product}*.`,
  "notice.restored": (p: { product: string }) =>
    `:white_check_mark: Your license for *${p.product}* is back, and your data restored.`,
  "notice.enabled": (p: { services: string }) => `Turned on for you: ${p.services}.`,
  "notice.enabled_none": () => "None of its services could be turned on where you are.",
  "notice.skipped": (p: { services: string; location: string }) =>
    `Not turned on: ${p.services}, not available in your usage location ${p.location}.`,
  "notice.installs": (p: { service: string; limit: number }) =>
    `You can install ${p.service} on up to ${count(p.limit, nouns.macOrPc)}.`,
  "notice.lost": (p: { product: string }) => `:warning: *${p.product}* was removed from you.`,
  "notice.lost.data": (p: { items: string; date: string }) =>
    `Your data that goes with it: ${p.items}. It ${restorableUntil(p.date)}.`,
  "notice.lost.ask": (p: { by: string }) =>
    `Until then ${p.by} or another license admin can restore it: ask them if you still need it.`,
  "notice.lost.ask_any": () => "Until then a license admin can restore it: ask one if you still need it.",
  "notice.lost.nothing": () =>
    "None of your data is deleted: it outlives the removal or another license you keep still holds it.",
} as const;
