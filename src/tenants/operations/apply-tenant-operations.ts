import type { Database } from "../../db/client.ts";
import { acrossWorkspaces, withinWorkspace } from "../../db/workspace-scope.ts";
import type { Clock } from "../../licensing/clock.ts";
import { groupBy } from "../../licensing/group-by.ts";
import type { ChangeOutcome, TenantPort, TenantResolver } from "../tenant-port.ts";
import { changesPerPerson, oneChangeEach, type PlannedChange } from "./changes-per-person.ts";
import { type ClaimedOperation, claimTenantOperations } from "./claim-tenant-operations.ts";
import { type OperationOutcome, recordTenantOutcomes } from "./record-tenant-outcomes.ts";

export interface TenantOperationsPass {
  applied: number;
  refused: number;
  /** Not reached this time (throttled past the retries, or down): tried again later. */
  retrying: number;
}

/** As many as one pass takes: a bulk change of thousands goes in a few passes of full batches. */
const CLAIM_LIMIT = 2_000;
/** Long enough for a pass of 2,000 changes through a throttling tenant; a dead relay's work waits this long. */
const LEASE_MS = 5 * 60_000;

/**
 * Makes the due license changes in their workspaces' tenants (rule 13): claims them, sends each
 * person's changes as one call (the tenant port batches the calls), and records each answer.
 * `workspaceId` limits the pass to one workspace, for applying what a request just decided.
 */
export async function applyTenantOperations(
  db: Database,
  clock: Clock,
  input: { tenants: TenantResolver; workspaceId?: string; limit?: number },
): Promise<TenantOperationsPass> {
  const { workspaceId } = input;
  const claimScope = workspaceId
    ? <T>(work: () => Promise<T>) => withinWorkspace(workspaceId, work)
    : acrossWorkspaces;
  const claimed = await claimScope(() =>
    claimTenantOperations(db, clock.now(), {
      workspaceId,
      limit: input.limit ?? CLAIM_LIMIT,
      leaseMs: LEASE_MS,
    }),
  );
  const pass: TenantOperationsPass = { applied: 0, refused: 0, retrying: 0 };
  await Promise.all(
    [...groupBy(claimed, (o) => o.workspaceId)].map(([id, operations]) =>
      withinWorkspace(id, async () => {
        const outcomes = await applyInTenant(await input.tenants(id), operations);
        await recordTenantOutcomes(db, clock.now(), id, outcomes);
        for (const o of outcomes) {
          if (o.outcome === "applied") pass.applied += 1;
          else if (o.outcome === "refused") pass.refused += 1;
          else pass.retrying += 1;
        }
      }),
    ),
  );
  return pass;
}

async function applyInTenant(
  tenant: TenantPort | null,
  operations: ClaimedOperation[],
): Promise<OperationOutcome[]> {
  if (!tenant) {
    const message = "The workspace is no longer connected to its tenant.";
    return operations.map((operation) => ({
      operation,
      outcome: "refused",
      reason: "NOT_CONNECTED",
      message,
    }));
  }
  const { planned, unsendable } = changesPerPerson(operations);
  const refusedUnsent = unsendable.map(
    (operation): OperationOutcome => ({
      operation,
      outcome: "refused",
      reason: operation.tenantPersonId ? "UNKNOWN_PRODUCT" : "UNKNOWN_PERSON",
      message: operation.tenantPersonId
        ? "The product is not one of the tenant's."
        : "No account in the tenant has this person's email address.",
    }),
  );
  return [...refusedUnsent, ...(await send(tenant, planned))];
}

/**
 * Sends the changes; a person's combined change the tenant refused (it takes all of a call or
 * none) is sent again one change at a time, so that each license gets its own answer.
 */
async function send(tenant: TenantPort, planned: PlannedChange[]): Promise<OperationOutcome[]> {
  if (planned.length === 0) return [];
  const answers = await tenant.applyChanges(planned.map((p) => p.change));
  const outcomes: OperationOutcome[] = [];
  const again: PlannedChange[] = [];
  answers.forEach((answer, i) => {
    const { operations } = planned[i] as PlannedChange;
    if (answer.outcome === "refused" && operations.length > 1) {
      again.push(...oneChangeEach(planned[i] as PlannedChange));
      return;
    }
    for (const operation of operations) outcomes.push(outcomeOf(operation, answer));
  });
  return [...outcomes, ...(await send(tenant, again))];
}

function outcomeOf(operation: ClaimedOperation, answer: ChangeOutcome): OperationOutcome {
  if (answer.outcome === "applied") return { operation, outcome: "applied" };
  if (answer.outcome === "unreachable") return { operation, outcome: "retry", message: answer.message };
  // A removal of a license the person no longer holds leaves the tenant as wanted: a relay that died
  // after the tenant applied it, or a removal made in the tenant meanwhile.
  if (answer.reason === "NOT_HELD" && operation.action === "remove") return { operation, outcome: "applied" };
  return { operation, outcome: "refused", reason: answer.reason, message: answer.message };
}
