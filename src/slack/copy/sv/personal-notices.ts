import type { personalNotices as english } from "../en/personal-notices.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** Vad en person får veta om sina egna licenser (regel 12), i ett direktmeddelande. */
export const personalNotices = {
  "notice.heading": () => "Dina licenser har ändrats",
  "notice.heading_joined": () => "Välkommen: dina licenser",
  "notice.by": (p) => `Ändrat av ${p.by}.`,
  "notice.by_app": () => "Ges till alla nya medlemmar i den här arbetsytan.",
  "notice.gained": (p) => `:white_check_mark: Du har nu *${p.product}*.`,
  "notice.restored": (p) =>
    `:white_check_mark: Din licens för *${p.product}* är tillbaka, och din information är återställd.`,
  "notice.enabled": (p) => `Påslaget för dig: ${p.services}.`,
  "notice.enabled_none": () => "Ingen av dess tjänster kunde slås på där du är.",
  "notice.skipped": (p) =>
    `Inte påslaget: ${p.services}, går inte att använda på din användningsplats ${p.location}.`,
  "notice.installs": (p) => `Du kan installera ${p.service} på upp till ${count(p.limit, nouns.macOrPc)}.`,
  "notice.lost": (p) => `:warning: *${p.product}* har tagits bort från dig.`,
  "notice.lost.data": (p) => `Din information som hör till den: ${p.items}. Den ${restorableUntil(p.date)}.`,
  "notice.lost.ask": (p) =>
    `Fram till dess kan ${p.by} eller en annan licensadministratör återställa den: fråga dem om du fortfarande behöver den.`,
  "notice.lost.ask_any": () =>
    "Fram till dess kan en licensadministratör återställa den: fråga en om du fortfarande behöver den.",
  "notice.lost.nothing": () =>
    "Ingen av din information raderas: den överlever borttagningen, eller så finns den kvar genom en annan licens du behåller.",
} satisfies Messages<typeof english>;
