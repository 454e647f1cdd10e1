import { loadReaderLanguage } from "../../licensing/language/load-reader-languages.ts";
import type { Language } from "../../licensing/language/reader-language.ts";
import { setPersonLanguage } from "../../licensing/language/set-person-language.ts";
import { setWorkspaceLanguage } from "../../licensing/language/set-workspace-language.ts";
import { catalogFor } from "../copy/catalogs.ts";
import type { Catalog } from "../copy/en.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { languageName } from "../copy/reader-catalog.ts";
import {
  type CommandContext,
  commandActingPerson,
  commandActor,
} from "../license-command/command-context.ts";

/** The catalog the person reads now that the change is made: the answer is already in it. */
async function catalogNow(ctx: CommandContext): Promise<{ t: Catalog; language: Language }> {
  const language = await loadReaderLanguage(ctx.deps.db, ctx.workspaceId, ctx.userId);
  return { t: catalogFor(language), language };
}

/** `/license language sv|en|auto`: the language the person reads, for themselves; anyone may. */
export async function setLanguage(ctx: CommandContext, input: { language: Language | null }): Promise<void> {
  // Someone new to the directory is recorded first (with their Slack locale), so the choice has a row.
  await commandActingPerson(ctx);
  const result = await setPersonLanguage(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    actor: commandActor(ctx),
    language: input.language,
  });
  if (!result.ok) return ctx.reply({ text: ctx.t["language.not_in_directory"]() });
  const { t, language } = await catalogNow(ctx);
  const name = languageName(t, language);
  return ctx.reply({
    text:
      input.language === null
        ? t["language.auto"]({ language: name })
        : t["language.set"]({ language: name }),
  });
}

/**
 * `/license language default sv|en`: the workspace's language, for channel posts and for people
 * who chose none and whose Slack language is not offered. Admins only, as the use case decides.
 */
export async function setDefaultLanguage(ctx: CommandContext, input: { language: Language }): Promise<void> {
  // Admin rights as Slack reports them now; the use case itself decides and records a refusal.
  await commandActingPerson(ctx);
  const result = await setWorkspaceLanguage(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    actor: commandActor(ctx),
    language: input.language,
  });
  if (!result.ok) return ctx.reply({ text: errorText(ctx.t, result.code) });
  const { t } = await catalogNow(ctx);
  const words = { language: languageName(t, result.language), before: languageName(t, result.before) };
  return ctx.reply({
    text:
      result.before === result.language
        ? t["language.default_unchanged"](words)
        : t["language.default_set"](words),
  });
}
