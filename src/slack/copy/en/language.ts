/** Who reads which language: the person's choice, the workspace's default, and how to change them. */
export const language = {
  /** The BCP 47 locale dates and numbers are written in for this catalog's readers. */
  "format.locale": () => "en-GB",
  "language.name.en": () => "English",
  "language.name.sv": () => "Swedish",
  "language.set": (p: { language: string }) =>
    `From now on I'll write to you in ${p.language}. \`/license language auto\` follows your Slack language again.`,
  "language.auto": (p: { language: string }) =>
    `I'll follow your Slack language: ${p.language} for now. Choose one with \`/license language sv\` or \`/license language en\`.`,
  "language.default_set": (p: { language: string; before: string }) =>
    `The workspace's default language is now ${p.language} (was ${p.before}): channel posts use it, and so does everyone who chose no language and whose Slack language I don't speak.`,
  "language.default_unchanged": (p: { language: string }) =>
    `The workspace's default language is already ${p.language}.`,
  "language.not_in_directory": () =>
    "I couldn't find you in this workspace's directory yet, so I couldn't save your language. Try again in a minute.",
  "language.follow_slack": () => "follow their Slack language",
  "language.home.label": () => "*Language*\nThe language License Desk writes to you in.",
  "language.home.auto": (p: { language: string }) => `Follow Slack (${p.language})`,
  "language.home.placeholder": () => "Choose a language",
  "setup.language.title": () => "Default language",
  "setup.language.now": (p: { language: string }) =>
    `${p.language}: for channel posts, and for people who chose no language and whose Slack language isn't offered`,
  "setup.language.placeholder": () => "Choose a language",
} as const;
