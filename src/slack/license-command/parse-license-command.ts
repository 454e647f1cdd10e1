import { closestWord } from "./closest-subcommand.ts";

/** A person named in a command: by Slack mention, or by email when they are not in the workspace yet. */
export type PersonRef = { kind: "user"; userId: string } | { kind: "email"; email: string };

/**
 * The `/license` grammar. Subcommands and the words `for`, `because`, `add`, `remove` are
 * case-insensitive; a person is `<@U…>`, `<@U…|name>` or an email address; a product is every
 * remaining word (or one "quoted phrase"), resolved by key, name or prefix later, not here.
 *
 *   (empty) | help                      status                      bulk
 *   show [person]                       assign person… product      remove person product
 *   restore person product              seats product N             location person CC
 *   location default CC
 *   admins add|remove person            request product [for person] [because reason…]
 *   products                            mailboxes                   audit [person]
 *   export                              notices on|off              sync, tenant
 *   language sv|en|auto                 language default sv|en
 *
 * The subcommands are English; Swedish aliases (`SUBCOMMAND_ALIASES`) are read as the same ones.
 */
export const LICENSE_SUBCOMMANDS = [
  "help",
  "status",
  "show",
  "assign",
  "remove",
  "restore",
  "request",
  "bulk",
  "seats",
  "location",
  "admins",
  "products",
  "mailboxes",
  "audit",
  "export",
  "notices",
  "sync",
  "tenant",
  "language",
] as const;

export type LicenseSubcommand = (typeof LICENSE_SUBCOMMANDS)[number];

/** Swedish words for subcommands, as a Swedish admin would type them; each means its English one. */
export const SUBCOMMAND_ALIASES: Readonly<Record<string, LicenseSubcommand>> = {
  tilldela: "assign",
  "ta-bort": "remove",
  återställ: "restore",
  visa: "show",
  begär: "request",
  hjälp: "help",
  språk: "language",
};

/** A language as typed after `language`: one License Desk speaks, or `auto` to follow Slack. */
const LANGUAGE_WORDS: Readonly<Record<string, "en" | "sv" | null>> = {
  en: "en",
  english: "en",
  engelska: "en",
  sv: "sv",
  swedish: "sv",
  svenska: "sv",
  auto: null,
};

export type ParseProblem =
  | { code: "UNKNOWN_SUBCOMMAND"; word: string; suggestion?: LicenseSubcommand }
  | { code: "TOO_MANY_PEOPLE"; max: number }
  | { code: "MISSING_PERSON" | "MISSING_PRODUCT" | "BAD_QUANTITY" | "BAD_LOCATION" | "TOO_LONG" | "OTHER" };

export type ParsedCommand =
  | { kind: "help" }
  | { kind: "status" }
  | { kind: "bulk" }
  | { kind: "show"; person?: PersonRef }
  | { kind: "assign"; people: PersonRef[]; product: string }
  | { kind: "remove" | "restore"; person: PersonRef; product: string }
  | { kind: "request"; product: string; person?: PersonRef; reason: string }
  | { kind: "seats"; product: string; quantity: number }
  | { kind: "location"; person: PersonRef; location: string }
  | { kind: "default-location"; location: string }
  | { kind: "admins"; grant: boolean; person: PersonRef }
  | { kind: "notices"; on: boolean }
  | { kind: "language"; language: "en" | "sv" | null }
  | { kind: "default-language"; language: "en" | "sv" }
  | { kind: "products" | "mailboxes" | "export" | "sync" | "tenant" }
  | { kind: "audit"; person?: PersonRef }
  | { kind: "invalid"; problem: ParseProblem; subcommand?: LicenseSubcommand };

export const MAX_COMMAND_LENGTH = 4000;
export const MAX_PEOPLE_PER_COMMAND = 100;
// Echoed back to the person, so a pasted essay must not become the whole reply.
const MAX_ECHOED_WORD = 40;

const invalid = (problem: ParseProblem, subcommand?: LicenseSubcommand): ParsedCommand =>
  subcommand ? { kind: "invalid", problem, subcommand } : { kind: "invalid", problem };

/**
 * `/license` text as Slack sends it with `should_escape: true`: mentions as `<@U123|name>` or
 * `<@U123>`, `&`, `<` and `>` escaped. Splits it into a command; people and products are looked
 * up later. Never throws: any text gets a command or a problem to explain.
 */
export function parseLicenseCommand(text: string): ParsedCommand {
  // The payload is untyped JSON at run time; a missing text must still get the help, not a crash.
  const source = typeof text === "string" ? text : "";
  if (source.length > MAX_COMMAND_LENGTH) return invalid({ code: "TOO_LONG" });
  const [first, ...rest] = tokenize(source);
  const typed = first?.toLowerCase() ?? "help";
  // Own keys only: "constructor" typed as a subcommand is no alias.
  const sub = Object.hasOwn(SUBCOMMAND_ALIASES, typed)
    ? (SUBCOMMAND_ALIASES[typed] as LicenseSubcommand)
    : typed;
  switch (sub) {
    case "help":
      return { kind: "help" };
    case "status":
      return { kind: "status" };
    case "bulk":
    case "products":
    case "mailboxes":
    case "export":
    case "sync":
    case "tenant":
      return { kind: sub };
    case "audit": {
      if (rest.length === 0) return { kind: "audit" };
      const person = personAt(rest, 0);
      return person && rest.length === 1
        ? { kind: "audit", person }
        : invalid({ code: "MISSING_PERSON" }, sub);
    }
    case "show": {
      if (rest.length === 0) return { kind: "show" };
      const person = personAt(rest, 0);
      return person && rest.length === 1
        ? { kind: "show", person }
        : invalid({ code: "MISSING_PERSON" }, sub);
    }
    case "assign": {
      const people: PersonRef[] = [];
      let i = 0;
      for (; i < rest.length; i++) {
        const person = personAt(rest, i);
        if (!person) break;
        if (!people.some((p) => samePerson(p, person))) people.push(person);
      }
      if (people.length === 0) return invalid({ code: "MISSING_PERSON" }, sub);
      if (people.length > MAX_PEOPLE_PER_COMMAND)
        return invalid({ code: "TOO_MANY_PEOPLE", max: MAX_PEOPLE_PER_COMMAND }, sub);
      const product = words(rest.slice(i));
      return product ? { kind: "assign", people, product } : invalid({ code: "MISSING_PRODUCT" }, sub);
    }
    case "remove":
    case "restore": {
      const person = personAt(rest, 0);
      if (!person) return invalid({ code: "MISSING_PERSON" }, sub);
      const product = words(rest.slice(1));
      return product ? { kind: sub, person, product } : invalid({ code: "MISSING_PRODUCT" }, sub);
    }
    case "request":
      return parseRequest(rest);
    case "seats": {
      const last = rest.at(-1);
      // Seven digits is far above any real purchase and keeps the number exact.
      if (!last || !/^\d{1,7}$/.test(last)) return invalid({ code: "BAD_QUANTITY" }, sub);
      const product = words(rest.slice(0, -1));
      if (!product) return invalid({ code: "MISSING_PRODUCT" }, sub);
      return { kind: "seats", product, quantity: Number(last) };
    }
    case "location": {
      const code = rest[1];
      // Only the shape is checked here; whether ISO 3166 knows the code is the domain's rule.
      const wellFormed = code !== undefined && rest.length === 2 && /^[A-Za-z]{2}$/.test(code);
      if (rest[0]?.toLowerCase() === "default")
        return wellFormed
          ? { kind: "default-location", location: code.toUpperCase() }
          : invalid({ code: "BAD_LOCATION" }, sub);
      const person = personAt(rest, 0);
      if (!person) return invalid({ code: "MISSING_PERSON" }, sub);
      if (!wellFormed) return invalid({ code: "BAD_LOCATION" }, sub);
      return { kind: "location", person, location: code.toUpperCase() };
    }
    case "notices": {
      const setting = rest[0]?.toLowerCase();
      if (rest.length !== 1 || (setting !== "on" && setting !== "off"))
        return invalid({ code: "OTHER" }, sub);
      return { kind: "notices", on: setting === "on" };
    }
    case "language": {
      const isDefault = rest[0]?.toLowerCase() === "default" || rest[0]?.toLowerCase() === "standard";
      const args = isDefault ? rest.slice(1) : rest;
      const word = args[0]?.toLowerCase() ?? "";
      const language =
        args.length === 1 && Object.hasOwn(LANGUAGE_WORDS, word) ? LANGUAGE_WORDS[word] : undefined;
      if (language === undefined) return invalid({ code: "OTHER" }, sub);
      if (!isDefault) return { kind: "language", language };
      return language === null ? invalid({ code: "OTHER" }, sub) : { kind: "default-language", language };
    }
    case "admins":
    case "admin": {
      const action = rest[0]?.toLowerCase();
      const person = personAt(rest, 1);
      if (action !== "add" && action !== "remove") return invalid({ code: "OTHER" }, "admins");
      if (!person || rest.length !== 2) return invalid({ code: "MISSING_PERSON" }, "admins");
      return { kind: "admins", grant: action === "add", person };
    }
    default: {
      // Cut by code point so an emoji is never split into half a surrogate pair.
      const word = Array.from(unescapeSlack(first ?? ""))
        .slice(0, MAX_ECHOED_WORD)
        .join("");
      const suggestion = closestWord(sub, LICENSE_SUBCOMMANDS);
      return invalid(
        suggestion ? { code: "UNKNOWN_SUBCOMMAND", word, suggestion } : { code: "UNKNOWN_SUBCOMMAND", word },
      );
    }
  }
}

/**
 * `request <product…> [for <person>] [because <reason…>]`. Keywords rather than punctuation
 * because phones auto-correct `:` and `--`; a product whose name holds "for" can be quoted.
 */
function parseRequest(rest: string[]): ParsedCommand {
  const because = rest.findIndex((t) => t.toLowerCase() === "because");
  const head = because >= 0 ? rest.slice(0, because) : rest;
  const reason = because >= 0 ? words(rest.slice(because + 1)) : "";
  const forAt = head.findIndex((t) => t.toLowerCase() === "for");
  const product = words(forAt >= 0 ? head.slice(0, forAt) : head);
  if (!product) return invalid({ code: "MISSING_PRODUCT" }, "request");
  if (forAt < 0) return { kind: "request", product, reason };
  const person = personAt(head, forAt + 1);
  if (!person || head.length !== forAt + 2) return invalid({ code: "MISSING_PERSON" }, "request");
  return { kind: "request", product, person, reason };
}

// Slack escapes every `<`, `>` and `&` a person types, so a raw `<…>` is always Slack's own entity
// (a mention, a mailto link) and stays one token even when its label holds spaces. A quote runs to
// its partner or to the end; curly quotes count because phones and macOS substitute them.
const TOKEN = /<[^<>]*>|["“”]([^"“”]*)(?:["“”]|$)|(?:[^\s<"“”]|<(?![^<>]*>))+/g;

/** Raw tokens, still escaped: undoing the escapes first would let typed text pass for a mention. */
function tokenize(text: string): string[] {
  // Zero-width spaces are not `\s`, yet pasted text often separates words with them.
  const spaced = text.replace(/[\u200b\u2060]/g, " ");
  const tokens: string[] = [];
  for (const match of spaced.matchAll(TOKEN)) {
    const token = (match[1] ?? match[0]).trim();
    if (token) tokens.push(token);
  }
  return tokens;
}

// `&amp;` last, so that a typed "&lt;" (sent as `&amp;lt;`) stays "&lt;".
const unescapeSlack = (text: string) =>
  text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

const MENTION = /^<@([UW][A-Z0-9]{2,})(?:\|[^<>]*)?>$/;
const MAILTO = /^<mailto:([^|<>]+)(?:\|[^<>]*)?>$/i;
// Domain labels cannot hold a dot, which keeps the match linear on long garbage tokens.
const EMAIL = /^(?:mailto:)?([^\s@<>|"]+@(?:[^\s@<>|".]+\.)+[^\s@<>|".]+)$/i;

/** The person named by the token at `index`, if it names one. */
function personAt(tokens: string[], index: number): PersonRef | null {
  const token = tokens[index];
  if (token === undefined) return null;
  const mention = MENTION.exec(token);
  if (mention?.[1]) return { kind: "user", userId: mention[1] };
  const linked = MAILTO.exec(token)?.[1];
  const email = EMAIL.exec(unescapeSlack(linked ?? token))?.[1];
  return email ? { kind: "email", email: email.toLowerCase() } : null;
}

const samePerson = (a: PersonRef, b: PersonRef) =>
  a.kind === "user" && b.kind === "user"
    ? a.userId === b.userId
    : a.kind === "email" && b.kind === "email" && a.email === b.email;

const words = (tokens: string[]) => unescapeSlack(tokens.join(" ")).replace(/\s+/g, " ").trim();
