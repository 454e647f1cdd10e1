import type { tenantChanges as english } from "../en/tenant-changes.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";

/** Vad Microsoft 365 gjorde med en ändring gjord här (regel 13), och varför den nekades. */
export const tenantChanges = {
  "tenant.outcome.heading": () => "Microsoft 365 har svarat",
  "tenant.outcome.summary": (p) =>
    p.applied === p.total
      ? `Microsoft 365 genomförde alla ${count(p.total, nouns.change)}.`
      : `Microsoft 365 genomförde ${p.applied} av ${count(p.total, nouns.change)}; resten nekades, se nedan.`,
  "tenant.outcome.assigned": (p) =>
    `:white_check_mark: Tilldelad i Microsoft 365: *${p.product}* till ${p.person}.`,
  "tenant.outcome.removed": (p) =>
    `:white_check_mark: Borttagen i Microsoft 365: *${p.product}* från ${p.person}.`,
  "tenant.outcome.assign_refused": (p) =>
    `:x: Microsoft 365 tilldelade inte *${p.product}* till ${p.person}: ${p.reason} Licensen som hölls för det är ledig igen.`,
  "tenant.outcome.remove_refused": (p) =>
    `:x: Microsoft 365 tog inte bort *${p.product}* från ${p.person}: ${p.reason} ${p.person} har den fortfarande.`,
  "tenant.refusal.NO_USAGE_LOCATION": () =>
    "personen saknar användningsplats i Microsoft 365. Ange en med `/license location` och tilldela sedan igen.",
  "tenant.refusal.NO_SEATS_LEFT": () =>
    "organisationen har inga licenser kvar av den. Köp fler i administrationscentret för Microsoft 365, eller frigör en.",
  "tenant.refusal.UNKNOWN_PRODUCT": () => "organisationen har inte (längre) den här produkten.",
  "tenant.refusal.UNKNOWN_PERSON": () => "inget konto i Microsoft 365 har personens e-postadress.",
  "tenant.refusal.INHERITED_FROM_GROUP": () =>
    "den kommer från en grupp och kan bara tas bort från gruppen, i administrationscentret för Microsoft 365.",
  "tenant.refusal.MUTUALLY_EXCLUSIVE": () =>
    "en av dess tjänster kan inte vara på samtidigt som en tjänst personen redan har.",
  "tenant.refusal.DEPENDENCY_MISSING": () =>
    "en av dess tjänster kräver en annan tjänst som personen inte har.",
  "tenant.refusal.NOT_HELD": () => "personen har den inte.",
  "tenant.refusal.NOT_CONNECTED": () => "den här arbetsytan är inte längre ansluten till Microsoft 365.",
  "tenant.refusal.OTHER": (p) => `Microsoft 365 svarade "${p.message}".`,
  "tenant.pending.assign": (p) =>
    `:hourglass_flowing_sand: Skickat till Microsoft 365: *${p.product}* till ${p.person}. En licens hålls för det; ` +
    "du får ett meddelande när organisationen har svarat.",
  "tenant.pending.remove": (p) =>
    `:hourglass_flowing_sand: Skickat till Microsoft 365: ta bort *${p.product}* från ${p.person}. ` +
    "Inget tas bort förrän organisationen har gjort det; du får ett meddelande när den har svarat.",
  "tenant.pending.person": (p) =>
    `:hourglass_flowing_sand: *${p.person}*: skickat till Microsoft 365, en licens hålls; du får besked när den har svarat.`,
  "tenant.pending.bulk": (p) =>
    `:hourglass_flowing_sand: ${count(p.count, nouns.change)} skickade till Microsoft 365; ` +
    "du får ett meddelande när organisationen har svarat på alla.",
} satisfies Messages<typeof english>;
