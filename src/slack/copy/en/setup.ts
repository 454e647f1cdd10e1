import { count, nouns } from "./plural.ts";

/** The admin's set-up checklist on App Home, and the modals its items open. */
export const setup = {
  "setup.header": () => "Set up License Desk",
  "setup.intro": (p: { done: number; total: number }) =>
    `${p.done} of ${p.total} done. Each item below makes a rule work from the first minute; ` +
    "this page turns into the dashboard once all are done.",
  "setup.complete": () => "Set-up is complete. Change any item here, or go back to the dashboard.",
  "setup.done": () => "✅ Done",
  "setup.not_done": () => "⬜ Not done",
  "setup.dashboard": () => "Dashboard",
  "setup.reopen": () => "Set-up",

  "setup.location.title": () => "Default usage location",
  "setup.location.button": () => "Set location",
  "setup.location.now": (p: { location: string }) =>
    `${p.location}: people without a location of their own use services there, so the licenses new people get work from day one.`,
  "setup.location.none": () =>
    "Not set: people without a location of their own get no licenses, and new people get no defaults.",

  "setup.products.title": () => "Products",
  "setup.products.now": (p: { products: number }) => `${count(p.products, nouns.product)} in the catalog.`,
  "setup.products.none": () =>
    "No products yet. Add one here, or import a catalog: `npm run catalog -- import FILE --workspace TEAM_ID`.",
  "setup.products.button": () => "Add or edit products",

  "setup.admins.title": () => "Who administers licenses",
  "setup.admins.now": (p: { total: number; names: string }) => `${count(p.total, nouns.person)}: ${p.names}.`,
  "setup.admins.wanted": (p: { wanted: number }) =>
    `Recommended: give at least ${p.wanted} people the right, so requests never wait on one person who is away.`,
  "setup.admins.button": () => "Add admins",

  "setup.approvals.title": () => "Where requests go",
  "setup.approvals.channel": (p: { channel: string }) =>
    `To <#${p.channel}>. Invite the app there (\`/invite @License Desk\`): it may post only where it is a member, and what the channel refuses goes to each admin instead.`,
  "setup.approvals.dms": () => "To each admin by direct message.",
  "setup.approvals.unchosen_channel": (p: { channel: string }) =>
    `Not chosen here; the app's setting sends them to <#${p.channel}>. Choose a channel or direct messages.`,
  "setup.approvals.unchosen": () =>
    "Not chosen; each admin gets them by direct message meanwhile. Choose a channel (then invite the app to it) or direct messages.",
  "setup.approvals.button": () => "Channel or DMs",

  "setup.defaults.title": () => "Products new people get",
  "setup.defaults.now": (p: { names: string }) =>
    `${p.names}: given to each person who joins, seats permitting.`,
  "setup.defaults.none": () => "None: people who join get no licenses until an admin assigns them.",
  "setup.defaults.button": () => "Choose defaults",
  "setup.more": (p: { count: number }) => `and ${p.count} more`,

  "setup.modal.save": () => "Save",
  "setup.modal.cancel": () => "Cancel",
  "setup.modal.location.title": () => "Default location",
  "setup.modal.location.label": () => "Country code (ISO 3166, like SE or US)",
  "setup.modal.location.hint": () =>
    "People without a usage location of their own are taken to be here (rule 4): what it allows is turned on.",
  "setup.modal.admins.title": () => "License admins",
  "setup.modal.admins.current": (p: { names: string }) =>
    `Administering now: ${p.names}. Slack's workspace admins and owners always do.`,
  "setup.modal.admins.label": () => "Give the right to",
  "setup.modal.admins.error": () => "Pick at least one person.",
  "setup.modal.admins.done": (p: { people: string }) => `${p.people} can now administer licenses.`,
  "setup.modal.admins.unknown": () =>
    "Some of them are not in the app's directory yet; they can be added once they have opened the app or after the next directory sync.",
  "setup.modal.approvals.title": () => "Where requests go",
  "setup.modal.approvals.route": () => "Send requests and admin notices",
  "setup.modal.approvals.to_channel": () => "To a channel",
  "setup.modal.approvals.to_dms": () => "To each admin by direct message",
  "setup.modal.approvals.channel": () => "Channel",
  "setup.modal.approvals.channel_hint": () =>
    "Then invite the app to it: /invite @License Desk. It may post only where it is a member.",
  "setup.modal.approvals.route_error": () => "Choose a channel or direct messages.",
  "setup.modal.approvals.channel_error": () => "Pick the channel, or choose direct messages.",
  "setup.modal.approvals.done_channel": (p: { channel: string }) =>
    `Requests now go to <#${p.channel}>. Invite the app there if it is not yet a member: \`/invite @License Desk\`.`,
  "setup.modal.approvals.done_dms": () => "Requests now go to each admin by direct message.",
  "setup.modal.defaults.title": () => "Default products",
  "setup.modal.defaults.label": () => "Products every new person gets",
  "setup.modal.defaults.hint": () => "Leave it empty to give new people nothing until an admin assigns it.",
  "setup.modal.defaults.none_yet": () => "There are no products yet: add one or import a catalog first.",
  "setup.modal.defaults.too_many": () =>
    "The catalog has more products than one menu holds: mark each default in its form, with `/license products`.",
  "setup.modal.defaults.done": (p: { names: string }) => `New people now get: ${p.names}.`,
  "setup.modal.defaults.done_none": () => "New people now get no licenses until an admin assigns them.",
} as const;
