import type { nextSteps as english } from "../en/next-steps.ts";
import type { Messages } from "../messages.ts";

/**
 * Vad man gör efter varje avslag: kommandot eller knappen som för saken vidare. `product` är
 * produktens nyckel när avslaget nämner en, så att kommandot kan skrivas som det står.
 */
export const nextSteps = {
  "error.next.UNKNOWN_PERSON": () => "Nämn personen med @, eller ange personens e-postadress.",
  "error.next.UNKNOWN_PRODUCT": () => "`/license status` listar alla produkter med deras nycklar.",
  "error.next.PERSON_DEACTIVATED": () =>
    "När en administratör för arbetsytan har återaktiverat personen i Slack kan licenserna ges igen.",
  "error.next.ALREADY_ASSIGNED": () => "`/license show @person` listar vad personen har.",
  "error.next.NOT_ASSIGNED": (p) => `Så här ger du den: \`/license assign @person ${p.product}\`.`,
  "error.next.INHERITED_FROM_GROUP": () =>
    "Ta bort personen från gruppen, eller licensen från gruppen, i administrationscentret för Microsoft 365.",
  "error.next.NO_SEATS_LEFT": (p) =>
    `Frigör en licens med \`/license remove @person ${p.product}\`, eller öka antalet köpta licenser med \`/license seats ${p.product} N\`.`,
  "error.next.WINDOW_CLOSED": (p) =>
    `Tilldelar du den igen börjar den från början: \`/license assign @person ${p.product}\`.`,
  "error.next.NOTHING_TO_RESTORE": (p) =>
    `Så här ger du den på nytt: \`/license assign @person ${p.product}\`.`,
  "error.next.UNKNOWN_WINDOW": () => "`/license show @person` listar de ångerperioder som fortfarande pågår.",
  "error.next.WINDOW_RESTORED": () => "Inget mer att göra: `/license show @person` visar vad personen har.",
  "error.next.USAGE_LOCATION_REQUIRED": () =>
    "Ange en med `/license location @person CC`, eller en för alla med `/license location default CC`, och försök sedan igen.",
  "error.next.LOCATION_CHANGE_LOSES_DATA": () =>
    "Läs varningen och tryck sedan på *Byt plats* för att bekräfta, eller låt platsen vara som den är.",
  "error.next.NOTHING_RUNS_IN_LOCATION": () =>
    "Tryck på *Tilldela ändå* om personen kommer att arbeta där tjänsterna fungerar, eller ange först personens användningsplats.",
  "error.next.DEVICE_LIMIT_REACHED": () => "Ta bort en enhet innan du lägger till en ny.",
  "error.next.DEVICE_ALREADY_REGISTERED": () =>
    "Inget mer att göra: den räknas redan som en av installationerna.",
  "error.next.UNKNOWN_DEVICE": () => "Välj en av enheterna som listas med licensen.",
  "error.next.NO_INSTALLABLE_SERVICE": () =>
    "Bara Office-appar installeras på enheter: `/license show @person` listar vad personen har.",
  "error.next.QUANTITY_BELOW_ASSIGNED": (p) =>
    `Frigör först licenser med \`/license remove @person ${p.product}\`, eller behåll minst så många som är tilldelade.`,
  "error.next.INVALID_QUANTITY": (p) => `Försök igen med ett heltal, som \`/license seats ${p.product} 25\`.`,
  "error.next.TENANT_LOCATION_REFUSED": () =>
    "Ge appen behörigheten i administrationscentret för Microsoft Entra, eller ange platsen i administrationscentret för Microsoft 365; `/license sync` läser den sedan.",
  "error.next.TENANT_NOT_PROVEN": () =>
    "Rätta det i administrationscentret för Microsoft Entra och anslut sedan igen från startsidan.",
  "error.next.INVALID_TENANT_APP": () =>
    "Kopiera katalog-ID och program-ID från appens Översikt i administrationscentret för Microsoft Entra.",
  "error.next.SECRET_NOT_STORABLE": () =>
    "Be den som driver License Desk att ange TOKEN_ENCRYPTION_KEY, eller att ange M365_*-inställningarna och ansluta med dem.",
  "error.next.NO_TENANT_SETTINGS": () =>
    "Anslut i stället med organisationens appregistrering från startsidan.",
  "error.next.TENANT_NOT_CONNECTED": () =>
    "En administratör ansluter den från startsidan: *Microsoft 365*, sedan *Anslut*.",
  "error.next.INVALID_USAGE_LOCATION": () => "Försök igen med en kod som `SE`.",
  "error.next.NO_MAILBOX": (p) =>
    `Tilldela först en produkt med postlåda: \`/license assign @person ${p.product}\`.`,
  "error.next.CATALOG_INVALID": () => "Rätta det som listas och importera filen igen.",
  "error.next.BULK_EMPTY": () => "Välj minst en person och en produkt och förhandsgranska sedan igen.",
  "error.next.BULK_CONFLICT": () => "Välj varje produkt på bara en sida och förhandsgranska sedan igen.",
  "error.next.IDEMPOTENCY_CONFLICT": () => "Börja om ändringen med `/license bulk`.",
  "error.next.NOT_ALLOWED": () =>
    "Fråga en licensadministratör, eller skicka en begäran: `/license request produkt`.",
  "error.next.OWN_REQUEST": () => "En annan licensadministratör avgör den.",
  "error.next.ALREADY_DECIDED": () => "Inget mer att göra: `/license audit` visar vad som hände.",
  "error.next.DUPLICATE_REQUEST": () => "Inget mer att göra: du får svar i ett direktmeddelande.",
  "error.next.REQUESTER_ADMINISTERS": (p) => `Tilldela den själv: \`/license assign @person ${p.product}\`.`,
  "error.next.NO_APPROVER": () =>
    "En administratör eller ägare av arbetsytan kan ge rätten med `/license admins add @person`.",
  "error.next.UNKNOWN_REQUEST": () => "Fliken Hem i appen listar de begäranden som fortfarande väntar.",
  "error.next.REASON_REQUIRED": () => "Skriv varför, så att den som begärde vet.",
  "error.next.REASON_TOO_LONG": () => "Korta den och skicka igen.",
  "error.next.TEXT_TOO_LONG": () => "Korta den och skicka igen.",
  "error.next.UNKNOWN_MAILBOX": () => "`/license mailboxes` listar dem.",
  "error.next.PRODUCT_KEY_TAKEN": () =>
    "Välj en annan nyckel: `/license status` listar nycklarna som används.",
} satisfies Messages<typeof english>;
