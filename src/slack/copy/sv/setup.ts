import type { setup as english } from "../en/setup.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";

/** Administratörens checklista för konfiguration på fliken Hem, och dialogerna som dess punkter öppnar. */
export const setup = {
  "setup.header": () => "Konfigurera License Desk",
  "setup.intro": (p) =>
    `${p.done} av ${p.total} klara. Varje punkt nedan får en regel att fungera från första minuten; ` +
    "sidan blir en översikt när alla är klara.",
  "setup.complete": () => "Konfigurationen är klar. Ändra en punkt här, eller gå tillbaka till översikten.",
  "setup.done": () => "✅ Klart",
  "setup.not_done": () => "⬜ Inte klart",
  "setup.dashboard": () => "Översikt",
  "setup.reopen": () => "Konfiguration",

  "setup.location.title": () => "Standardanvändningsplats",
  "setup.location.button": () => "Ange plats",
  "setup.location.now": (p) =>
    `${p.location}: personer utan en egen användningsplats använder tjänster där, så licenserna som nya personer får fungerar från första dagen.`,
  "setup.location.none": () =>
    "Inte angiven: personer utan en egen användningsplats får inga licenser, och nya personer får inga standardlicenser.",

  "setup.products.title": () => "Produkter",
  "setup.products.now": (p) => `${count(p.products, nouns.product)} i katalogen.`,
  "setup.products.none": () =>
    "Inga produkter än. Lägg till en här, eller importera en katalog: `npm run catalog -- import FILE --workspace TEAM_ID`.",
  "setup.products.button": () => "Lägg till eller redigera produkter",

  "setup.admins.title": () => "Vem som administrerar licenser",
  "setup.admins.now": (p) => `${count(p.total, nouns.person)}: ${p.names}.`,
  "setup.admins.wanted": (p) =>
    `Rekommenderat: ge minst ${p.wanted} personer rätten, så att begäranden aldrig väntar på en enda person som är borta.`,
  "setup.admins.button": () => "Lägg till administratörer",

  "setup.approvals.title": () => "Vart begäranden skickas",
  "setup.approvals.channel": (p) =>
    `Till <#${p.channel}>. Bjud in appen dit (\`/invite @License Desk\`): den kan bara skriva där den är medlem, och det som kanalen inte tar emot går i stället till varje administratör.`,
  "setup.approvals.dms": () => "Till varje administratör som direktmeddelande.",
  "setup.approvals.unchosen_channel": (p) =>
    `Inte valt här; appens inställning skickar dem till <#${p.channel}>. Välj en kanal eller direktmeddelanden.`,
  "setup.approvals.unchosen": () =>
    "Inte valt; under tiden får varje administratör dem som direktmeddelande. Välj en kanal (och bjud sedan in appen dit) eller direktmeddelanden.",
  "setup.approvals.button": () => "Kanal eller DM",

  "setup.defaults.title": () => "Produkter som nya personer får",
  "setup.defaults.now": (p) => `${p.names}: ges till varje person som går med, så länge det finns licenser.`,
  "setup.defaults.none": () =>
    "Inga: personer som går med får inga licenser förrän en administratör tilldelar dem.",
  "setup.defaults.button": () => "Välj standardprodukter",
  "setup.more": (p) => `och ${p.count} till`,

  "setup.modal.save": () => "Spara",
  "setup.modal.cancel": () => "Avbryt",
  "setup.modal.location.title": () => "Standardplats",
  "setup.modal.location.label": () => "Landskod (ISO 3166, som SE eller US)",
  "setup.modal.location.hint": () =>
    "Personer utan en egen användningsplats antas vara här (regel 4): det som tillåts här slås på.",
  "setup.modal.admins.title": () => "Licensadministratörer",
  "setup.modal.admins.current": (p) =>
    `Administrerar nu: ${p.names}. Arbetsytans administratörer och ägare i Slack gör det alltid.`,
  "setup.modal.admins.label": () => "Ge rätten till",
  "setup.modal.admins.error": () => "Välj minst en person.",
  "setup.modal.admins.done": (p) => `${p.people} kan nu administrera licenser.`,
  "setup.modal.admins.unknown": () =>
    "Några av dem finns inte i appens katalog än; de kan läggas till när de har öppnat appen eller efter nästa synkronisering av katalogen.",
  "setup.modal.approvals.title": () => "Vart begäranden skickas",
  "setup.modal.approvals.route": () => "Skicka begäranden och administratörsaviseringar",
  "setup.modal.approvals.to_channel": () => "Till en kanal",
  "setup.modal.approvals.to_dms": () => "Till varje administratör som direktmeddelande",
  "setup.modal.approvals.channel": () => "Kanal",
  "setup.modal.approvals.channel_hint": () =>
    "Bjud sedan in appen dit: /invite @License Desk. Den kan bara skriva där den är medlem.",
  "setup.modal.approvals.route_error": () => "Välj en kanal eller direktmeddelanden.",
  "setup.modal.approvals.channel_error": () => "Välj kanalen, eller välj direktmeddelanden.",
  "setup.modal.approvals.done_channel": (p) =>
    `Begäranden skickas nu till <#${p.channel}>. Bjud in appen dit om den inte redan är medlem: \`/invite @License Desk\`.`,
  "setup.modal.approvals.done_dms": () =>
    "Begäranden skickas nu till varje administratör som direktmeddelande.",
  "setup.modal.defaults.title": () => "Standardprodukter",
  "setup.modal.defaults.label": () => "Produkter som varje ny person får",
  "setup.modal.defaults.hint": () =>
    "Lämna tomt för att nya personer inte ska få något förrän en administratör tilldelar det.",
  "setup.modal.defaults.none_yet": () =>
    "Det finns inga produkter än: lägg till en eller importera en katalog först.",
  "setup.modal.defaults.too_many": () =>
    "Katalogen har fler produkter än en meny rymmer: markera varje standardprodukt i dess formulär, med `/license products`.",
  "setup.modal.defaults.done": (p) => `Nya personer får nu: ${p.names}.`,
  "setup.modal.defaults.done_none": () =>
    "Nya personer får nu inga licenser förrän en administratör tilldelar dem.",
} satisfies Messages<typeof english>;
