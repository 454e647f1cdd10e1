/** `/license help`, and what bad command text gets instead of an error. */
export const help = {
  "help.title": () => "*License Desk* — manage software licenses from Slack",
  "help.usage": () =>
    [
      "`/license status` — every product's seats",
      "`/license show [@person]` — a person's licenses, services and restore windows",
      "`/license assign @person [@person …] product` — assign (people who are not admins file a request)",
      "`/license remove @person product` — remove, after the data-loss warning",
      "`/license restore @person product` — assign again inside the restore window, with the data",
      "`/license request product [for @person] [because reason…]` — ask the admins for a license",
      "`/license seats product N` — change the purchased amount",
      "`/license location @person CC` — set a usage location (a country code like SE)",
      "`/license location default CC` — set the usage location of everyone without one of their own",
      "`/license admins add|remove @person` — give or take the license-admin right",
      "`/license bulk` — give or take licenses for many people at once, after a preview",
      "`/license products` — add a product or edit one: name, key, seats, service plans, default for new people",
      "`/license mailboxes` — resource, room and shared mailboxes: size, quota, license, days to lock",
      "`/license audit [@person]` — the latest changes, newest first (yours, if you are not an admin)",
      "`/license export` — seats, assignments, restore windows and the audit log as CSV files",
      "`/license help` — this list",
      "People are `@mentions` or email addresses; products are keys, names or the start of one.",
    ].join("\n"),
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
