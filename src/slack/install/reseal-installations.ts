import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type SlackInstallationRow, slackInstallations } from "../../db/schema/index.ts";
import type { Clock } from "../../licensing/clock.ts";
import type { TokenCipher } from "../../secrets/token-cipher.ts";
import { type SealedColumn, sealContext } from "./postgres-installation-store.ts";

const COLUMNS = [
  ["botToken", "bot_token"],
  ["botRefreshToken", "bot_refresh_token"],
  ["userToken", "user_token"],
  ["userRefreshToken", "user_refresh_token"],
] as const satisfies readonly (readonly [keyof SlackInstallationRow, SealedColumn])[];

/**
 * Seals again, under the current key, every token still sealed under an older one, so that the
 * older key can then be dropped from TOKEN_ENCRYPTION_KEY. Rotating tokens move to the new key at
 * their next refresh anyway; tokens that never rotate only move this way (or by installing again).
 * Each row is locked while it changes, as a refresh would lock it. Returns how many rows changed.
 */
export async function resealInstallations(db: Database, cipher: TokenCipher, clock: Clock): Promise<number> {
  const current = `v1:${cipher.currentKeyId}:%`;
  const t = slackInstallations;
  const stale = sql`(${t.botToken} not like ${current} or ${t.botRefreshToken} not like ${current}
    or ${t.userToken} not like ${current} or ${t.userRefreshToken} not like ${current})`;
  const keys = await db.select({ enterpriseId: t.enterpriseId, teamId: t.teamId }).from(t).where(stale);
  let changed = 0;
  for (const key of keys) {
    const sameKey = sql`${t.enterpriseId} is not distinct from ${key.enterpriseId} and ${t.teamId} is not distinct from ${key.teamId}`;
    changed += await db.transaction(async (tx) => {
      const [row] = await tx.select().from(t).where(sameKey).for("update");
      if (!row) return 0;
      const changes: Partial<Record<(typeof COLUMNS)[number][0], string>> = {};
      for (const [field, column] of COLUMNS) {
        const sealed = row[field];
        if (sealed === null || sealed.startsWith(`v1:${cipher.currentKeyId}:`)) continue;
        const context = sealContext(key, column);
        changes[field] = cipher.encrypt(cipher.decrypt(sealed, context), context);
      }
      if (Object.keys(changes).length === 0) return 0;
      await tx
        .update(t)
        .set({ ...changes, updatedAt: clock.now() })
        .where(sameKey);
      return 1;
    });
  }
  return changed;
}
