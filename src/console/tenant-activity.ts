import type { LocalGraph, RecordedBatchItem } from "../local-graph/local-graph-server.ts";
import { words } from "./words.ts";

const ASSIGN_LICENSE = /^\/users\/([^/?]+)\/assignLicense$/;

interface AssignLicenseBody {
  addLicenses?: { skuId?: unknown }[];
  removeLicenses?: unknown[];
}

/**
 * What the demo tenant did with the changes License Desk sent it, read off the stand-in's record
 * of requests: each assignLicense call (on its own or as a `$batch` item), with its own status.
 */
export class TenantActivity {
  #seen = 0;

  constructor(
    private readonly graph: LocalGraph,
    private readonly productName: (skuId: string) => string | undefined,
  ) {}

  /** One line per license the tenant assigned, removed or refused since the last call. */
  since(): string[] {
    const fresh = this.graph.requests.slice(this.#seen);
    this.#seen += fresh.length;
    const calls: RecordedBatchItem[] = fresh.flatMap(
      (request) =>
        request.items ??
        (request.method === "POST"
          ? [
              {
                path: request.path,
                status: request.status,
                body: request.body,
                ...(request.error === undefined ? {} : { error: request.error }),
              },
            ]
          : []),
    );
    return calls.flatMap((call) => this.#describe(call));
  }

  #describe(call: RecordedBatchItem): string[] {
    const userId = ASSIGN_LICENSE.exec(call.path)?.[1];
    if (userId === undefined) return [];
    const person = this.#person(decodeURIComponent(userId));
    const body = (call.body ?? {}) as AssignLicenseBody;
    const adds = (body.addLicenses ?? []).map((l) => this.#product(l.skuId));
    const removes = (body.removeLicenses ?? []).map((id) => this.#product(id));
    if (call.status >= 200 && call.status < 300) {
      return [
        ...adds.map((product) => words.tenantAssigned(product, person)),
        ...removes.map((product) => words.tenantRemoved(product, person)),
      ];
    }
    const change = [
      ...adds.map((product) => words.tenantAssignChange(product, person)),
      ...removes.map((product) => words.tenantRemoveChange(product, person)),
    ].join(words.tenantAnd());
    if (call.status === 429 || call.status === 503 || call.status === 504) {
      return [words.tenantBusy(change, call.status)];
    }
    return [words.tenantRefused(change, call.error ?? words.tenantNoReason(call.status))];
  }

  /** The person's email as the tenant has it: how the admin finds them in the admin center. */
  #person(id: string): string {
    const user = this.graph.tenant.userJson(id);
    return user?.mail ?? user?.userPrincipalName ?? id;
  }

  #product(skuId: unknown): string {
    const id = String(skuId);
    return this.productName(id) ?? id;
  }
}
