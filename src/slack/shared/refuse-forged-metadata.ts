import type { Actor } from "../../licensing/actor.ts";
import { recordRefusal } from "../../licensing/record-refusal.ts";
import type { Catalog } from "../copy/en.ts";
import type { SlackDeps } from "../slack-deps.ts";

/**
 * A submission whose private_metadata is not what the app put there (see `viewMetadataFor`):
 * nothing in it is used, the attempt is on the record, and the person reads only that it did not
 * work — the forger learns nothing of why.
 */
export async function refuseForgedMetadata(
  t: Catalog,
  deps: Pick<SlackDeps, "db" | "clock">,
  input: { workspaceId: string; actor: Actor; attempted: string; viewId: string },
): Promise<string> {
  await recordRefusal(deps.db, deps.clock, {
    workspaceId: input.workspaceId,
    actor: input.actor,
    attempted: input.attempted,
    targetType: "view",
    targetId: input.viewId,
    reason: "FORGED_METADATA",
  });
  return t["error.unexpected"]();
}
