import { type GraphAnswer, graphFailure } from "./graph-answer.ts";

/**
 * The application permissions (app roles) the stand-in's app has consented by default: the least
 * privilege License Desk asks for. A test takes some away (`app.roles`) to see what a tenant whose
 * admin granted less answers.
 */
export const DEFAULT_APP_ROLES = ["LicenseAssignment.ReadWrite.All", "User.Read.All"];

/** Each call the stand-in guards, and the roles that allow it (graph/api/*: least privileged first). */
const GUARDS: { method: string; path: RegExp; allowedBy: string[] }[] = [
  {
    method: "GET",
    path: /^\/subscribedSkus(\?|$)/,
    allowedBy: [
      "LicenseAssignment.Read.All",
      "LicenseAssignment.ReadWrite.All",
      "Organization.Read.All",
      "Organization.ReadWrite.All",
      "Directory.Read.All",
      "Directory.ReadWrite.All",
    ],
  },
  {
    method: "GET",
    path: /^\/users(\/|\?|$)/,
    allowedBy: ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  },
  {
    method: "POST",
    path: /^\/users\/[^/]+\/assignLicense$/,
    allowedBy: ["LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"],
  },
];

/** Graph's 403 when the token's roles do not allow the call, as an app without consent gets it. */
export function refusedForRoles(
  roles: readonly string[],
  method: string,
  path: string,
): GraphAnswer | undefined {
  const guard = GUARDS.find((g) => g.method === method && g.path.test(path));
  if (!guard || guard.allowedBy.some((role) => roles.includes(role))) return undefined;
  return graphFailure(
    403,
    "Authorization_RequestDenied",
    "Insufficient privileges to complete the operation.",
  );
}
