import { type GraphAnswer, graphFailure, graphMessages } from "./graph-answer.ts";
import type { LocalTenant } from "./local-tenant.ts";

/**
 * Application permissions that let an app change a user's properties (graph/api/user-update).
 * License Desk asks for User.ReadWrite.All only if it is to set usage locations.
 */
const USER_WRITE_PERMISSIONS = ["User.ReadWrite.All", "Directory.ReadWrite.All"];

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes, written in capitals as Graph stores them.
 * Intl's region list is wider (UK, EU, XK, former and reserved codes), so it is not used here.
 */
const COUNTRY_CODES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ " +
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM " +
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS " +
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN " +
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ " +
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM " +
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV " +
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI " +
    "VN VU WF WS YE YT ZA ZM ZW "
  )
    .trim()
    .split(" "),
);

const isCountryCode = (value: string): boolean => COUNTRY_CODES.has(value);

/**
 * PATCH /users/{id}: 204 with no body when done. The stand-in sets `usageLocation` only (an ISO
 * 3166 alpha-2 code, or null to clear it) and says so for anything else, rather than pretend.
 * Graph checks the app's permission before it looks at the user or the body.
 */
export function patchUser(
  tenant: LocalTenant,
  permissions: ReadonlySet<string>,
  userId: string,
  body: unknown,
): GraphAnswer {
  if (!USER_WRITE_PERMISSIONS.some((p) => permissions.has(p))) {
    return graphFailure(403, "Authorization_RequestDenied", graphMessages.insufficientPrivileges);
  }
  if (!tenant.userJson(userId)) {
    return graphFailure(404, "Request_ResourceNotFound", graphMessages.unknownResource(userId));
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return graphFailure(400, "BadRequest", "Empty Payload. JSON content expected.");
  }
  const properties = Object.keys(body);
  const unsupported = properties.filter((p) => p !== "usageLocation");
  if (unsupported.length > 0 || properties.length === 0) {
    return graphFailure(
      400,
      "BadRequest",
      `The stand-in sets usageLocation only, not: ${unsupported.join(", ") || "(nothing given)"}.`,
    );
  }
  const location = (body as { usageLocation: unknown }).usageLocation;
  if (location !== null && (typeof location !== "string" || !isCountryCode(location))) {
    return graphFailure(400, "Request_BadRequest", graphMessages.invalidProperty("usageLocation", "User"));
  }
  tenant.updateUser(userId, { usageLocation: location });
  return { status: 204 };
}
