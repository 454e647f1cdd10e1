import { randomUUID } from "node:crypto";

/** One answer of the stand-in, whether it goes out as an HTTP response or as a `$batch` item. */
export interface GraphAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export const answer = (body: unknown, status = 200): GraphAnswer => ({ status, body });

/** Graph's error envelope (graph/errors), with the innerError Graph adds to every one. */
export function graphFailure(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): GraphAnswer {
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString(),
          "request-id": randomUUID(),
          "client-request-id": randomUUID(),
        },
      },
    },
  };
}

/** The words Graph uses for the refusals the stand-in reproduces, as seen in its answers. */
export const graphMessages = {
  invalidUsageLocation: "License assignment cannot be done for user with invalid usage location.",
  noSeats: (skuId: string) => `Subscription ${skuId} does not have any available licenses.`,
  unknownSku: (skuId: string) => `License ${skuId} does not correspond to a valid company License.`,
  inheritedFromGroup:
    "User license is inherited from group membership and cannot be removed directly from the user.",
  notHeld: "User does not have a corresponding license.",
  invalidProperty: (property: string, resource: string) =>
    `Invalid value specified for property '${property}' of resource '${resource}'.`,
  insufficientPrivileges: "Insufficient privileges to complete the operation.",
  unknownResource: (id: string) =>
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  batchTooLarge: "Number of requests inside batch exceeds the limit.",
  throttled: "Too many requests.",
  unavailable: "The service is temporarily unavailable. Please try again later.",
} as const;

/** The message of Graph's error envelope, when the answer is one. */
export function errorMessageOf(answered: GraphAnswer): string | undefined {
  if (answered.status < 400) return undefined;
  const message = (answered.body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === "string" ? message : undefined;
}
