import type { remove as english } from "../en/remove.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** Varningen om dataförlust före en borttagning, i samma anda som Microsofts egen varning. */
export const remove = {
  "remove.title": () => "Ta bort licens",
  "remove.submit": () => "Ta bort",
  "remove.cancel": () => "Avbryt",
  "remove.heading": (p) => `Ta bort *${p.product}* från *${p.person}*?`,
  "remove.lost.heading": (p) => `*Den här informationen ${restorableUntil(p.date)}:*`,
  "remove.lost.none": () =>
    "Ingen information raderas: det som licensen slår på överlever borttagningen eller förblir påslaget genom en annan licens som personen behåller.",
  "remove.lost.mailbox": (p) => `• ${p.service}: ${p.description} (${p.size})`,
  "remove.lost.devices": (p) => `• ${p.service}: ${p.description} (${count(p.devices, nouns.device)})`,
  "remove.lost.item": (p) => `• ${p.service}: ${p.description}`,
  "remove.survives": (p) => `*Finns kvar efter borttagningen:* ${p.items}`,
  "remove.restore_hint": (p) =>
    `Tilldelar du licensen igen inom ångerperioden på ${count(p.days, nouns.day)}, fram till ${p.date}, återställs allt; en annan licens med samma tjänst ger också tillbaka den tjänstens information. Licensen frigörs direkt.`,
} satisfies Messages<typeof english>;
