import type { person as english } from "../en/person.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** En persons licenser: vad som är påslaget, vad som hoppades över och varför, och vad som fortfarande kan återställas. */
export const person = {
  "person.header": (p) => `Licenser: ${p.person}`,
  "person.location": (p) => `Användningsplats: ${p.location}`,
  "person.location_none": () => "Ingen användningsplats",
  "person.deactivated": () => "Inaktiverad",
  "person.licenses.heading": () => "*Produkter*",
  "person.licenses.none": () => "Har inga licenser.",
  "person.license.product": (p) => `*${p.product}*`,
  "person.license.on": (p) => `Påslaget: ${p.services}`,
  "person.license.on_none": () => "Påslaget: inga tjänster",
  "person.license.skipped": (p) =>
    `Överhoppat: ${p.services}, går inte att använda på användningsplatsen ${p.location}`,
  "person.windows.heading": () => "*Kan fortfarande återställas*",
  "person.window": (p) => `*${p.product}*: ${restorableUntil(p.date, p.daysLeft)}`,
  "person.window.kept": (p) => `Sparat: ${p.services}`,
  "person.window.kept_none": () => "Sparat: ingen information",
  "person.fallback": (p) =>
    `${p.person}: ${count(p.licenses, nouns.license)}, ` +
    `${count(p.windows, { one: "ångerperiod pågår", other: "ångerperioder pågår" })}.`,
  "service.mailbox": (p) => `${p.service} (postlåda ${p.size})`,
  "service.devices": (p) => `${p.service} (${count(p.devices, nouns.device)})`,
} satisfies Messages<typeof english>;
