import type { User } from "@microsoft/microsoft-graph-types";
import { answer, type GraphAnswer, graphFailure, graphMessages } from "./graph-answer.ts";
import type { LocalTenant } from "./local-tenant.ts";
import { patchUser } from "./user-patch.ts";

/** Graph's page size without `$top`, and the largest `$top` it takes (graph/paging). */
const DEFAULT_PAGE = 100;
const MAX_TOP = 999;

/** What `/users` returns without `$select`: Graph's default set leaves the license properties out. */
const DEFAULT_USER_PROPERTIES = ["id", "displayName", "mail", "userPrincipalName"];

export interface RouteContext {
  tenant: LocalTenant;
  /** Graph's base URL with its version: nextLink and deltaLink are absolute, as Graph's are. */
  graphUrl: string;
  /** How many users one delta page holds (Graph chooses; the stand-in lets a test choose). */
  deltaPageSize: number;
  /** The app's application permissions; only user writes are checked against them. */
  permissions: ReadonlySet<string>;
}

/**
 * The Graph calls License Desk uses, answered from the tenant. `path` is relative to the version
 * root and may carry a query; it is the same for a call over HTTP and for a `$batch` item.
 */
export function routeGraphCall(ctx: RouteContext, method: string, path: string, body: unknown): GraphAnswer {
  const url = new URL(path.startsWith("/") ? path : `/${path}`, "http://graph.invalid");
  const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const query = url.searchParams;
  const [first, second, third] = segments;
  if (method === "GET" && first === "subscribedSkus" && segments.length === 1) {
    return answer({
      "@odata.context": `${ctx.graphUrl}/$metadata#subscribedSkus`,
      value: ctx.tenant.skuList(),
    });
  }
  if (method === "GET" && first === "users" && segments.length === 1) return listUsers(ctx, query);
  if (method === "GET" && first === "users" && second === "delta" && segments.length === 2) {
    return userDelta(ctx, query);
  }
  if (method === "GET" && first === "users" && second && segments.length === 2) {
    const user = ctx.tenant.userJson(second);
    return user
      ? answer(select(user, query.get("$select")))
      : graphFailure(404, "Request_ResourceNotFound", graphMessages.unknownResource(second));
  }
  if (method === "PATCH" && first === "users" && second && segments.length === 2) {
    return patchUser(ctx.tenant, ctx.permissions, second, body);
  }
  if (
    method === "POST" &&
    first === "users" &&
    second &&
    third === "assignLicense" &&
    segments.length === 3
  ) {
    return ctx.tenant.assignLicense(second, body);
  }
  return graphFailure(400, "BadRequest", `Resource not found for the segment '${segments.at(-1) ?? ""}'.`);
}

function listUsers(ctx: RouteContext, query: URLSearchParams): GraphAnswer {
  const token = decodeToken(query.get("$skiptoken"));
  const selectList = token?.select ?? query.get("$select");
  const topText = token ? String(token.top) : query.get("$top");
  const top = topText === null ? DEFAULT_PAGE : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    return graphFailure(
      400,
      "Request_UnsupportedQuery",
      `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_TOP} inclusive.`,
    );
  }
  const offset = token?.offset ?? 0;
  const ids = ctx.tenant.userIds();
  const page = ids.slice(offset, offset + top);
  const next =
    offset + top < ids.length ? encodeToken({ offset: offset + top, top, select: selectList }) : undefined;
  return answer({
    "@odata.context": `${ctx.graphUrl}/$metadata#users`,
    value: page.map((id) => select(ctx.tenant.userJson(id) as User, selectList)),
    ...(next ? { "@odata.nextLink": `${ctx.graphUrl}/users?$skiptoken=${next}` } : {}),
  });
}

/**
 * users/delta (graph/api/user-delta): the first round lists everyone, later rounds (from a
 * deltaLink) only who changed since, deleted people as `@removed`; pages end with a deltaLink.
 * Like Graph, it does not carry licenseAssignmentStates: that has to be read from /users.
 */
function userDelta(ctx: RouteContext, query: URLSearchParams): GraphAnswer {
  const skip = decodeToken(query.get("$skiptoken"));
  const deltaText = query.get("$deltatoken");
  const delta = decodeToken(deltaText);
  if (deltaText !== null && (delta?.since === undefined || !Number.isInteger(delta.since))) {
    return graphFailure(400, "Request_BadRequest", "The delta token is not valid.");
  }
  const since = skip ? skip.since : delta?.since;
  const selectList =
    (skip?.select ?? delta?.select ?? query.get("$select")) || DEFAULT_USER_PROPERTIES.join(",");
  const asOf = skip?.asOf ?? ctx.tenant.version();
  const changed =
    since === undefined
      ? ctx.tenant.userIds().map((id) => ({ id, deleted: false }))
      : ctx.tenant.changedSince(since);
  const offset = skip?.offset ?? 0;
  const page = changed.slice(offset, offset + ctx.deltaPageSize);
  const more = offset + ctx.deltaPageSize < changed.length;
  const withoutLicenseStates = selectList
    .split(",")
    .filter((p) => p.trim() !== "licenseAssignmentStates")
    .join(",");
  const link = more
    ? {
        "@odata.nextLink": `${ctx.graphUrl}/users/delta?$skiptoken=${encodeToken({
          offset: offset + ctx.deltaPageSize,
          select: selectList,
          since: since ?? -1,
          asOf,
        })}`,
      }
    : {
        "@odata.deltaLink": `${ctx.graphUrl}/users/delta?$deltatoken=${encodeToken({ offset: 0, since: asOf, select: selectList })}`,
      };
  return answer({
    "@odata.context": `${ctx.graphUrl}/$metadata#users(${withoutLicenseStates})`,
    value: page.map(({ id, deleted }) => {
      const user = ctx.tenant.userJson(id);
      return deleted || !user
        ? { id, "@removed": { reason: "changed" } }
        : select(user, withoutLicenseStates);
    }),
    ...link,
  });
}

function select(user: User, selectList: string | null | undefined): Record<string, unknown> {
  const wanted = (selectList || DEFAULT_USER_PROPERTIES.join(",")).split(",").map((p) => p.trim());
  const picked: Record<string, unknown> = { id: user.id };
  for (const property of wanted) {
    if (property in user) picked[property] = user[property as keyof User];
  }
  return picked;
}

interface PageToken {
  offset: number;
  top?: number;
  select?: string | null;
  /** Delta only: the version the round started from (-1: everyone), and the one it ends at. */
  since?: number;
  asOf?: number;
}

const encodeToken = (token: PageToken): string => Buffer.from(JSON.stringify(token)).toString("base64url");

function decodeToken(text: string | null): PageToken | undefined {
  if (text === null) return undefined;
  try {
    const token = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as PageToken;
    return token.since === -1 ? ({ ...token, since: undefined } as PageToken) : token;
  } catch {
    return undefined;
  }
}
