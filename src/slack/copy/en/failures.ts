/** What a person reads after a failure that may have left a change behind: never "nothing changed" unless known. */
export const failures = {
  "busy.try_again": () =>
    "License Desk is busy right now and did not take this in, so nothing was done. Please try again in a moment.",
  "failure.applied": () =>
    "The connection to the database broke just as this change was saved, and it was saved: there is no need to do it again. `/license show @person` shows where things stand.",
  "failure.unknown": () =>
    "The connection to the database broke while this change was being saved, so it may have been applied. Check with `/license show @person` or `/license audit` before trying again.",
  "failure.person.applied": (p: { person: string }) =>
    `:warning: *${p.person}*: the connection to the database broke just as their change was saved, and it was saved.`,
  "failure.person.unknown": (p: { person: string }) =>
    `:warning: *${p.person}*: the connection to the database broke while their change was being saved, so it may have been applied. Check with \`/license show\` before trying again.`,
} as const;
