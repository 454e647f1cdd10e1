import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../licensing/actor.ts";
import type { ActingPerson } from "../../licensing/directory/acting-person.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { actingAdmin, actingPerson } from "../directory/acting-admin.ts";
import type { DirectoryLookup, KnownPerson } from "../directory/directory-lookup.ts";
import { type ProductChoice, resolveProduct } from "../products/resolve-product.ts";
import type { SlackDeps } from "../slack-deps.ts";
import type { CommandSnapshot } from "./load-command-snapshot.ts";
import type { ParsedCommand, PersonRef } from "./parse-license-command.ts";

export interface Reply {
  text: string;
  blocks?: KnownBlock[];
}

/** What every /license handler gets: who asks, where, and how to answer. */
export interface CommandContext {
  deps: SlackDeps;
  client: WebClient;
  directory: DirectoryLookup;
  workspaceId: string;
  userId: string;
  triggerId: string;
  responseUrl: string;
  /** Products and the acting person, read with the command's claim. */
  snapshot: CommandSnapshot;
  /** The words of the person typing, in their language (`snapshot.language`). */
  t: Catalog;
  reply(message: Reply): Promise<void>;
}

export const commandActor = (ctx: CommandContext): Actor => ({
  userId: ctx.userId,
  source: "command",
  requestId: ctx.triggerId,
});

/** Who types the command, with admin rights as Slack reported them within the last minute. */
export function commandActingPerson(ctx: CommandContext): Promise<ActingPerson | null> {
  return actingPerson(ctx.deps, ctx.client, ctx.workspaceId, ctx.userId, ctx.snapshot.acting);
}

/** Rule 10 for a command: the acting admin, or null once the refusal is answered and recorded. */
export async function requireAdmin(ctx: CommandContext, attempted: string): Promise<ActingPerson | null> {
  const { t } = ctx;
  const admin = await commandAdmin(ctx, attempted);
  if (!admin) await ctx.reply({ text: errorText(t, "NOT_ALLOWED") });
  return admin;
}

/**
 * Rule 10 for a command that answers in a modal it has opened: the refusal is recorded, and the
 * caller shows it there, once, where the person is looking.
 */
export function commandAdmin(ctx: CommandContext, attempted: string): Promise<ActingPerson | null> {
  return actingAdmin(
    ctx.deps,
    ctx.client,
    {
      workspaceId: ctx.workspaceId,
      actor: commandActor(ctx),
      attempted,
      targetType: "command",
      targetId: attempted,
    },
    ctx.snapshot.acting,
  );
}

/** A person named in the command, or a reply saying who could not be found. */
export async function findPerson(ctx: CommandContext, ref: PersonRef): Promise<KnownPerson | null> {
  if (ref.kind === "email") return ctx.directory.byEmail(ctx.workspaceId, ref.email);
  return ctx.snapshot.named.get(ref.userId) ?? ctx.directory.byUserId(ctx.workspaceId, ref.userId);
}

/** The Slack user ids a command names, read with its snapshot. */
export function namedUserIds(command: ParsedCommand): string[] {
  const refs: (PersonRef | undefined)[] =
    "people" in command ? command.people : "person" in command ? [command.person] : [];
  return refs.flatMap((ref) => (ref?.kind === "user" ? [ref.userId] : []));
}

/**
 * The prelude of most admin commands: the asker must be an admin, and the person named must be
 * found. Either failure has been answered when this returns null.
 */
export async function adminAndPerson(
  ctx: CommandContext,
  attempted: string,
  ref: PersonRef,
): Promise<{ admin: ActingPerson; person: KnownPerson } | null> {
  const { t } = ctx;
  const admin = await requireAdmin(ctx, attempted);
  if (!admin) return null;
  const person = await findPerson(ctx, ref);
  if (!person) await ctx.reply({ text: t["person.unknown"]({ who: personLabel(ref) }) });
  return person ? { admin, person } : null;
}

export function personLabel(ref: PersonRef): string {
  return ref.kind === "user" ? `<@${ref.userId}>` : escapeMrkdwn(ref.email);
}

/** A product named by key, name or prefix; otherwise the words that list the candidates. */
export async function findProduct(
  ctx: CommandContext,
  query: string,
): Promise<{ product: ProductChoice } | { message: string }> {
  const { t } = ctx;
  const products = ctx.snapshot.products.map((p) => ({
    id: p.productId,
    key: p.key,
    name: p.name,
  }));
  if (products.length === 0) return { message: t["product.none"]() };
  const match = resolveProduct(products, query);
  if (match.kind === "found") return { product: match.product };
  const candidates = match.candidates
    .slice(0, 10)
    .map((p) => `\`${escapeMrkdwn(p.key)}\` (${escapeMrkdwn(p.name)})`)
    .join(", ");
  const more =
    match.candidates.length > 10 ? ` ${t["list.more"]({ count: match.candidates.length - 10 })}` : "";
  const words = { query: escapeMrkdwn(query), candidates: candidates + more };
  return {
    message: match.kind === "ambiguous" ? t["product.ambiguous"](words) : t["product.unknown"](words),
  };
}
