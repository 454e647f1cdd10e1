/**
 * The bot scopes the app asks for when a workspace installs it. manifest.yml lists the same ones
 * (a test holds them equal); this is what /slack/install puts in Slack's authorize URL.
 */
export const BOT_SCOPES = [
  "commands",
  "users:read",
  "users:read.email",
  "chat:write",
  "im:write",
  "files:write",
] as const;
