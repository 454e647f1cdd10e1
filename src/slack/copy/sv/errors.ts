import type { errors as english } from "../en/errors.ts";
import type { Messages } from "../messages.ts";

/** Vad en nekad eller misslyckad åtgärd säger, ett meddelande per domänkod. */
export const errors = {
  "error.unexpected": () => "Något gick fel; inget ändrades. Försök igen.",
  "error.not_installed": () => "Appen är inte installerad i den här arbetsytan.",
  "error.UNKNOWN_PERSON": () => "Jag känner inte till den personen i den här arbetsytan.",
  "error.UNKNOWN_PRODUCT": () => "Det finns ingen sådan produkt i den här arbetsytan.",
  "error.PERSON_DEACTIVATED": () => "Den personen är inaktiverad.",
  "error.ALREADY_ASSIGNED": () => "Personen har redan den licensen.",
  "error.NOT_ASSIGNED": () => "Personen har inte den licensen.",
  "error.INHERITED_FROM_GROUP": () =>
    "Den licensen kommer från en grupp i Microsoft 365: den kan bara tas bort från gruppen.",
  "error.NO_SEATS_LEFT": () => "Det finns inga licenser kvar för den produkten.",
  "error.WINDOW_CLOSED": () => "Ångerperioden är slut: informationen är borta för gott.",
  "error.NOTHING_TO_RESTORE": () =>
    "Det finns inget att återställa: ingen information från den licensen väntar för den personen (licensen togs inte bort, eller informationen kom tillbaka med en annan licens).",
  "error.UNKNOWN_WINDOW": () => "Den ångerperioden finns inte i den här arbetsytan. Inget ändrades.",
  "error.WINDOW_RESTORED": () =>
    "Licensen har tilldelats igen, så informationen är återställd: inget väntar på att raderas.",
  "error.USAGE_LOCATION_REQUIRED": () =>
    "Den personen har ingen användningsplats, och arbetsytan har ingen standard.",
  "error.LOCATION_CHANGE_LOSES_DATA": () =>
    "Det här bytet av användningsplats stänger av tjänster, och deras information försvinner: du behöver först bekräfta varningen. Inget ändrades.",
  "error.NOTHING_RUNS_IN_LOCATION": () =>
    "Ingen av produktens tjänster kan köras på personens användningsplats: en tilldelning skulle ta en licens utan att slå på något. Inget ändrades.",
  "error.DEVICE_LIMIT_REACHED": () => "Gränsen för antal installationer är nådd.",
  "error.DEVICE_ALREADY_REGISTERED": () => "Den enheten är redan registrerad.",
  "error.UNKNOWN_DEVICE": () => "Det finns ingen enhet med det namnet.",
  "error.NO_INSTALLABLE_SERVICE": () => "Den personen har ingen Office-tjänst att installera.",
  "error.QUANTITY_BELOW_ASSIGNED": () => "Fler licenser än så är redan tilldelade.",
  "error.INVALID_QUANTITY": () => "Det är inte ett giltigt antal licenser.",
  "error.TENANT_LOCATION_REFUSED": () =>
    "Microsoft 365 tog inte emot den nya användningsplatsen, så inget ändrades.",
  "error.TENANT_NOT_PROVEN": () =>
    "Inget anslöts: inloggningen i den Microsoft 365-organisationen fungerade inte.",
  "error.INVALID_TENANT_APP": () =>
    "Det är ingen appregistrering: organisationen anges med sitt ID eller en domän, appen med sitt ID. Inget anslöts.",
  "error.SECRET_NOT_STORABLE": () =>
    "En klienthemlighet kan bara sparas krypterad, och ingen krypteringsnyckel är angiven, så inget anslöts.",
  "error.NO_TENANT_SETTINGS": () =>
    "Ingen Microsoft 365-organisation är inställd för den här installationen.",
  "error.TENANT_NOT_CONNECTED": () =>
    "Den här arbetsytan är inte ansluten till någon Microsoft 365-organisation.",
  "error.INVALID_USAGE_LOCATION": () =>
    "Det är inte en landskod med två bokstäver (ISO 3166), som SE eller US.",
  "error.NO_MAILBOX": () => "Den personen har ingen postlåda för den här produkten.",
  "error.CATALOG_INVALID": () => "Katalogfilen är inte giltig; inget importerades.",
  "error.BULK_EMPTY": () => "Det finns inget att ändra.",
  "error.BULK_CONFLICT": () => "En produkt kan inte både läggas till och tas bort.",
  "error.IDEMPOTENCY_CONFLICT": () => "Den här ändringen har redan skickats in med annat innehåll.",
  "error.NOT_ALLOWED": () => "Bara licensadministratörer kan göra det.",
  "error.OWN_REQUEST": () => "Du kan inte avgöra din egen begäran.",
  "error.ALREADY_DECIDED": () => "Den begäran är redan avgjord.",
  "error.DUPLICATE_REQUEST": () => "Samma begäran väntar redan på en administratör.",
  "error.REQUESTER_ADMINISTERS": () => "Du administrerar licenser, så det finns ingen att fråga.",
  "error.NO_APPROVER": () =>
    "Ingen här administrerar licenser än, så ingen skulle kunna avgöra en begäran; inget skickades.",
  "error.UNKNOWN_REQUEST": () => "Det finns ingen sådan begäran.",
  "error.REASON_REQUIRED": () => "En motivering behövs.",
  "error.REASON_TOO_LONG": () => "Motiveringen är för lång.",
  "error.TEXT_TOO_LONG": () => "Texten är för lång.",
  "error.UNKNOWN_MAILBOX": () => "Det finns ingen sådan postlåda.",
  "error.PRODUCT_KEY_TAKEN": () => "En annan produkt har redan den nyckeln.",
} satisfies Messages<typeof english>;
