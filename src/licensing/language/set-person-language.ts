import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { people } from "../../db/schema/index.ts";
import type { Actor } from "../actor.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { type Failure, fail, inTransaction } from "../outcome.ts";
import { isLanguage, type Language } from "./reader-language.ts";

export type SetPersonLanguageOutcome =
  | { ok: true; personId: string; before: Language | null; language: Language | null }
  | Failure<"UNKNOWN_PERSON">;

/**
 * A person chooses the language they read, for themselves only: anyone may, nobody for another.
 * Null gives the choice back to their Slack locale. The change is on the record.
 */
export function setPersonLanguage(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; actor: Actor; language: Language | null },
): Promise<SetPersonLanguageOutcome> {
  if (input.language !== null && !isLanguage(input.language))
    throw new Error(`not a language License Desk speaks: ${String(input.language)}`);
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const where = and(eq(people.workspaceId, input.workspaceId), eq(people.slackUserId, input.actor.userId));
    const [person] = await tx
      .select({ id: people.id, before: people.language })
      .from(people)
      .where(where)
      .for("update");
    if (!person) return fail("UNKNOWN_PERSON");
    const before = isLanguage(person.before) ? person.before : null;
    if (before !== input.language) {
      await tx.update(people).set({ language: input.language }).where(eq(people.id, person.id));
      await writeAudit(tx, input.workspaceId, input.actor, now, [
        {
          action: "person.language_set",
          targetType: "person",
          targetId: person.id,
          before: { language: before },
          after: { language: input.language },
        },
      ]);
    }
    return { ok: true as const, personId: person.id, before, language: input.language };
  });
}
