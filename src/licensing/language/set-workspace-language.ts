import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { workspaces } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { refuseUnlessAdministers } from "../may-administer.ts";
import { type Failure, inTransaction } from "../outcome.ts";
import { isLanguage, type Language } from "./reader-language.ts";

export type SetWorkspaceLanguageOutcome =
  | { ok: true; before: Language; language: Language }
  | Failure<"NOT_ALLOWED">;

/**
 * Sets the workspace's default language: what channel posts use, and what people read who chose
 * none and whose Slack locale is not one of ours. Admins only (rule 10); the change is on the record.
 */
export function setWorkspaceLanguage(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; actor: Actor; language: Language },
): Promise<SetWorkspaceLanguageOutcome> {
  if (!isLanguage(input.language))
    throw new Error(`not a language License Desk speaks: ${String(input.language)}`);
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const refused = await refuseUnlessAdministers(tx, now, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      attempted: "set-workspace-language",
      targetType: "workspace",
      targetId: input.workspaceId,
    });
    if (refused) return refused;
    const where = eq(workspaces.id, input.workspaceId);
    const [current] = await tx
      .select({ before: workspaces.defaultLanguage })
      .from(workspaces)
      .where(where)
      .for("update");
    if (!current) throw new Error(`workspace ${input.workspaceId} is not recorded`);
    const before = isLanguage(current.before) ? current.before : "en";
    if (before !== input.language) {
      await tx.update(workspaces).set({ defaultLanguage: input.language }).where(where);
      await writeAudit(tx, input.workspaceId, input.actor, now, [
        {
          action: "workspace.default_language_set",
          targetType: "workspace",
          targetId: input.workspaceId,
          before: { defaultLanguage: before },
          after: { defaultLanguage: input.language },
        },
      ]);
    }
    return { ok: true as const, before, language: input.language };
  });
}
