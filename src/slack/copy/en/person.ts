import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** One person's licenses: what is on, what was skipped and why, and what can still be restored. */
export const person = {
  "person.header": (p: { person: string }) => `Licenses: ${p.person}`,
  "person.location": (p: { location: string }) => `Usage location: ${p.location}`,
  "person.location_none": () => "No usage location",
  "person.deactivated": () => "Deactivated",
  "person.licenses.heading": () => "*Products*",
  "person.licenses.none": () => "Holds no licenses.",
  "person.license.product": (p: { product: string }) => `*${p.product}*`,
  "person.license.on": (p: { services: string }) => `On: ${p.services}`,
  "person.license.on_none": () => "On: no services",
  "person.license.skipped": (p: { services: string; location: string }) =>
    `Skipped: ${p.services}, not available in usage location ${p.location}`,
  "person.windows.heading": () => "*Can still be restored*",
  "person.window": (p: { product: string; daysLeft: number; date: string }) =>
    `*${p.product}*: ${restorableUntil(p.date, p.daysLeft)}`,
  "person.window.kept": (p: { services: string }) => `Kept: ${p.services}`,
  "person.window.kept_none": () => "Kept: no data",
  "person.fallback": (p: { person: string; licenses: number; windows: number }) =>
    `${p.person}: ${count(p.licenses, nouns.license)}, ` +
    `${count(p.windows, { one: "restore window", other: "restore windows" })} open.`,
  "service.mailbox": (p: { service: string; size: string }) => `${p.service} (mailbox ${p.size})`,
  "service.devices": (p: { service: string; devices: number }) =>
    `${p.service} (${count(p.devices, nouns.device)})`,
} as const;
