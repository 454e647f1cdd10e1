/** The console's own words. What License Desk itself says comes from the app, as in Slack. */
export const words = {
  banner: (p: { where: string; workspace: string; seeded: boolean; user: string; tenant?: string }) =>
    [
      `License Desk, local console: no Slack workspace needed.`,
      `Data: ${p.where}, workspace ${p.workspace}${p.seeded ? " (demo people and example catalog loaded)" : ""}.`,
      ...(p.tenant === undefined
        ? []
        : [
            `Connected to a demo Microsoft 365 tenant (a local stand-in for Graph at ${p.tenant}): the licenses`,
            `live there, each change is made there first, and what the tenant did is shown after each step.`,
          ]),
      `You are ${p.user}. Type what you would type in Slack, e.g. /license status. "help" lists the rest.`,
    ].join("\n"),
  demoTenantDisconnected: () =>
    [
      "An earlier start connected this workspace to the demo Microsoft 365 tenant; started without",
      "`--tenant demo`, it is disconnected and License Desk is the record again. Changes still waiting",
      "for that tenant were refused, their seats freed.",
    ].join("\n"),
  help: () =>
    [
      "  /license …           a slash command, as in Slack (/license help lists them)",
      "  as @name             act as someone else (people: @alva, the admin, @bo, @cleo, @wei, @lin)",
      "  lang sv|en|auto      the language License Desk writes to you in (as /license language)",
      "  home                 open App Home",
      "  pick N | pick Text   press a numbered button shown above",
      "  jobs [--at TIME]     run the daily jobs as of TIME (ISO, or +30d for 30 days from now)",
      "  expect TEXT          check that the last output contains TEXT (for scripts)",
      "  help, quit",
      "A modal asks for each of its fields in turn: type the answer, a number or an option's text",
      "for a menu (several separated by commas), - to leave it empty, cancel (or Ctrl-C) to close the modal.",
    ].join("\n"),
  prompt: (user: string) => `${user}> `,
  actingAs: (user: string, realName: string) => `You are now ${user} (${realName}).`,
  unknownPerson: (name: string) => `No one called ${name} here. People: ${"@alva, @bo, @cleo, @wei, @lin"}.`,
  unknownCommand: (line: string) => `Not a console command: "${line}". Type help.`,
  noSuchChoice: (answer: string) => `Nothing numbered "${answer}" above.`,
  badTime: (value: string) => `Not a time: "${value}". Use an ISO time (2026-12-24T09:00:00Z) or +30d.`,
  jobsRan: (at: string, done: string) => `Daily jobs as of ${at}: ${done}.`,
  jobsNothing: () => "nothing was due",
  replyHeading: () => "License Desk (only you can see this):",
  messageHeading: (to: string, updated: boolean) => `${updated ? "Updated: " : ""}License Desk ${to}:`,
  fileHeading: (to: string) => `License Desk shared a file ${to}:`,
  file: (name: string, bytes: number) => `📎 ${name} (${bytes} bytes)`,
  fileSaved: (path: string) => `saved as ${path}`,
  toYourDm: () => "in your DMs",
  toDm: (user: string) => `to ${user} (DM)`,
  toChannel: (channel: string) => `in #${channel}`,
  ephemeralTo: (user: string) => `to ${user} only`,
  homeHeading: (user: string) => `App Home of ${user}:`,
  modalQuestion: (label: string, optional: boolean, current?: string) =>
    current !== undefined
      ? `${label} (now: ${current}; Enter or - keeps it): `
      : `${label}${!optional ? "" : /\(optional\)$/.test(label) ? " (- to skip)" : " (optional, - to skip)"}: `,
  modalChoose: () => "Choose: ",
  required: () => "This field is required.",
  notANumber: () => "A number, please.",
  pickOption: () => "Pick one of the numbered options.",
  fieldError: (label: string, error: string) => `  ! ${label}: ${error}`,
  modalCancelled: () => "(modal closed)",
  submitLabel: (label: string) => `${label} (submit)`,
  closeLabel: (label: string) => `${label} (close)`,
  httpFailed: (status: number) => `! The app answered HTTP ${status}.`,
  stillWorking: () => "! The app was still working when the console stopped waiting.",
  appError: (message: string) => `! The app logged an error: ${message}`,
  expectFailed: (text: string) => `expected the last output to contain "${text}"`,
  failedAt: (where: string, problem: string) => `Script failed at ${where}: ${problem}`,
  scriptDone: () => "Script done: every step as expected.",
  bye: () => "Bye.",
  usage: () => "Usage: npm start [-- [--tenant demo] [--script FILE]]",
  unknownTenant: (value: string) =>
    `No tenant called "${value}": \`--tenant demo\` connects the console to a demo Microsoft 365 tenant.`,
  tenantAssigned: (product: string, person: string) => `Microsoft 365: assigned ${product} to ${person}.`,
  tenantRemoved: (product: string, person: string) => `Microsoft 365: removed ${product} from ${person}.`,
  tenantAssignChange: (product: string, person: string) => `assign ${product} to ${person}`,
  tenantRemoveChange: (product: string, person: string) => `remove ${product} from ${person}`,
  tenantAnd: () => " and ",
  tenantRefused: (change: string, reason: string) => `Microsoft 365: refused to ${change}: ${reason}`,
  tenantBusy: (change: string, status: number) =>
    `Microsoft 365: asked to wait (HTTP ${status}) before it would ${change}; License Desk tries again.`,
  tenantNoReason: (status: number) => `HTTP ${status}, no reason given.`,
  noTerminal: () =>
    [
      "License Desk needs Slack settings to run here: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET",
      "(or SLACK_APP_TOKEN for Socket Mode). Without Slack, `npm start` in a terminal opens the local",
      "console, and `npm start -- --script FILE` runs a console script.",
    ].join("\n"),
};
