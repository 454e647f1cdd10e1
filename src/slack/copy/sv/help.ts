import type { help as english, UsageSubcommand } from "../en/help.ts";
import type { Messages } from "../messages.ts";

/**
 * Varje underkommandos användning, i den ordning `/license help` listar dem. Kommandot behåller
 * sina engelska ord; där det finns ett svenskt alias nämns det också.
 */
const usage = {
  status: "`/license status` — alla produkters licenser",
  show: "`/license show [@person]` (eller `visa`) — en persons licenser, tjänster och ångerperioder",
  assign:
    "`/license assign @person [@person …] produkt` (eller `tilldela`) — tilldela (den som inte är administratör skickar en begäran)",
  remove: "`/license remove @person produkt` (eller `ta-bort`) — ta bort, efter varningen om dataförlust",
  restore:
    "`/license restore @person produkt` (eller `återställ`) — tilldela igen inom ångerperioden, med informationen",
  request:
    "`/license request produkt [for @person] [because motivering…]` (eller `begär`) — be administratörerna om en licens",
  seats: "`/license seats produkt N` — ändra antalet köpta licenser",
  location:
    "`/license location @person CC` — ange en användningsplats (en landskod som SE)\n" +
    "`/license location default CC` — ange användningsplatsen för alla som inte har en egen",
  admins: "`/license admins add|remove @person` — ge eller ta rätten att administrera licenser",
  bulk: "`/license bulk` — ge eller ta licenser för många personer på en gång, efter en förhandsgranskning",
  products:
    "`/license products` — lägg till eller redigera en produkt: namn, nyckel, licenser, tjänstplaner, standard för nya personer",
  mailboxes:
    "`/license mailboxes` — resurspostlådor, rumspostlådor och delade postlådor: storlek, kvot, licens, dagar till låsning",
  audit:
    "`/license audit [@person]` — de senaste ändringarna, nyaste först (dina egna, om du inte är administratör)",
  export: "`/license export` — licenser, tilldelningar, ångerperioder och granskningsloggen som CSV-filer",
  notices:
    "`/license notices on|off` — om personer får ett direktmeddelande om vad de får eller förlorar (på tills det stängs av)",
  language:
    "`/license language sv|en|auto` (eller `språk`) — språket jag skriver till dig på (auto följer ditt språk i Slack)\n" +
    "`/license language default sv|en` — arbetsytans språk, för kanaler och personer som inte valt något (administratörer)",
  tenant:
    "`/license tenant` — Microsoft 365-organisationen där licenserna finns: dess app, behörigheter och senaste synkronisering",
  sync: "`/license sync` — läs Microsoft 365-organisationen nu: licenser, personer och licenser ändrade där",
  help: "`/license help` (eller `hjälp`) — den här listan",
} as const satisfies Record<UsageSubcommand, string>;

const usageNote =
  "Personer anges som `@omnämningar` eller e-postadresser; produkter med nyckel, namn eller början av ett av dem.";

/** `/license help`, och vad felaktig kommandotext får i stället för ett fel. */
export const help = {
  "help.title": () => "*License Desk* — hantera programvarulicenser från Slack",
  "help.usage": () => [...Object.values(usage), usageNote].join("\n"),
  "help.usage_of": (p) => usage[p.subcommand],
  "help.did_you_mean": (p) => `Menade du \`${p.subcommand}\`?`,
  "help.problem": (p) => `Jag förstod inte det: ${p.problem}`,
  "parse.UNKNOWN_SUBCOMMAND": (p) => `”${p.word}” är inget /license-kommando.`,
  "parse.MISSING_PERSON": () => "ange en person, som @omnämning eller e-postadress.",
  "parse.MISSING_PRODUCT": () => "ange en produkt, med dess nyckel eller namn.",
  "parse.BAD_QUANTITY": () => "antalet licenser måste vara ett heltal, 0 eller mer.",
  "parse.BAD_LOCATION": () => "en användningsplats är en landskod med två bokstäver, som SE eller US.",
  "parse.TOO_LONG": () => "det är längre än ett kommando får vara.",
  "parse.TOO_MANY_PEOPLE": (p) => `ange högst ${p.max} personer på en gång; använd massändring för fler.`,
  "parse.OTHER": () => "se användningen nedan.",
} satisfies Messages<typeof english>;
