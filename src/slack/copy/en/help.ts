/** Each subcommand's usage, in the order `/license help` lists them. */
const usage = {
  status: "`/license status` — every product's seats",
  show: "`/license show [@person]` — a person's licenses, services and restore windows",
  assign: "`/license assign @person [@person …] product` — assign (people who are not admins file a request)",
  remove: "`/license remove @person product` — remove, after the data-loss warning",
  restore: "`/license restore @person product` — assign again inside the restore window, with the data",
  request: "`/license request product [for @person] [because reason…]` — ask the admins for a license",
  seats: "`/license seats product N` — change the purchased amount",
  location:
    "`/license location @person CC` — set a usage location (a country code like SE)\n" +
    "`/license location default CC` — set the usage location of everyone without one of their own",
  admins: "`/license admins add|remove @person` — give or take the license-admin right",
  bulk: "`/license bulk` — give or take licenses for many people at once, after a preview",
  products:
    "`/license products` — add a product or edit one: name, key, seats, service plans, default for new people",
  mailboxes: "`/license mailboxes` — resource, room and shared mailboxes: size, quota, license, days to lock",
  audit: "`/license audit [@person]` — the latest changes, newest first (yours, if you are not an admin)",
  export: "`/license export` — seats, assignments, restore windows and the audit log as CSV files",
  notices:
    "`/license notices on|off` — whether people are told by direct message what they get or lose (on unless turned off)",
  sync: "`/license sync` — read the Microsoft 365 tenant now: seats, people, and licenses changed there",
  tenant:
    "`/license tenant` — the Microsoft 365 tenant the licenses live in: its app, permissions and last sync",
  language:
    "`/license language sv|en|auto` — the language I write to you in (auto follows your Slack language)\n" +
    "`/license language default sv|en` — the workspace's language, for channels and people who chose none (admins)",
  help: "`/license help` — this list",
} as const;

/** The subcommands with a usage line: every language words each of them. */
export type UsageSubcommand = keyof typeof usage;

const usageNote = "People are `@mentions` or email addresses; products are keys, names or the start of one.";

/** `/license help`, and what bad command text gets instead of an error. */
export const help = {
  "help.title": () => "*License Desk* — manage software licenses from Slack",
  "help.usage": () => [...Object.values(usage), usageNote].join("\n"),
  "help.usage_of": (p: { subcommand: UsageSubcommand }) => usage[p.subcommand],
  "help.did_you_mean": (p: { subcommand: string }) => `Did you mean \`${p.subcommand}\`?`,
  "help.problem": (p: { problem: string }) => `I didn't understand that: ${p.problem}`,
  "parse.UNKNOWN_SUBCOMMAND": (p: { word: string }) => `"${p.word}" is not a /license command.`,
  "parse.MISSING_PERSON": () => "name a person, as an @mention or an email address.",
  "parse.MISSING_PRODUCT": () => "name a product, by its key or name.",
  "parse.BAD_QUANTITY": () => "the number of seats must be a whole number, 0 or more.",
  "parse.BAD_LOCATION": () => "a usage location is a two-letter country code, like SE or US.",
  "parse.TOO_LONG": () => "that is longer than a command can be.",
  "parse.TOO_MANY_PEOPLE": (p: { max: number }) =>
    `name at most ${p.max} people at once; use bulk changes for more.`,
  "parse.OTHER": () => "see the usage below.",
} as const;
