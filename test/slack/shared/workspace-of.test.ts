import { describe, expect, it } from "vitest";
import { workspaceOf, workspaceOfToken } from "../../../src/slack/shared/workspace-of.ts";

describe("workspaceOf", () => {
  it.each([
    ["a command", { team_id: "T1", is_enterprise_install: "false" }, "T1"],
    [
      "a command in an org, workspace install",
      { team_id: "T1", enterprise_id: "E1", is_enterprise_install: "false" },
      "T1",
    ],
    [
      "a command, org-wide install",
      { team_id: "T1", enterprise_id: "E1", is_enterprise_install: "true" },
      "E1",
    ],
    ["an interaction", { team: { id: "T1" }, user: { team_id: "T1" } }, "T1"],
    ["an interaction without team", { team: null, user: { team_id: "T2" } }, "T2"],
    [
      "an interaction in an org, workspace install",
      {
        team: { id: "T1", enterprise_id: "E1" },
        enterprise: { id: "E1" },
        is_enterprise_install: false,
        user: {},
      },
      "T1",
    ],
    [
      "an interaction, org-wide install",
      { team: { id: "T1" }, enterprise: { id: "E1" }, is_enterprise_install: true, user: { team_id: "T1" } },
      "E1",
    ],
    [
      "an interaction, org-wide install, without team",
      { team: null, enterprise: { id: "E1" }, is_enterprise_install: true, user: { team_id: "T1" } },
      "E1",
    ],
    ["an event", { team_id: "T1", authorizations: [{ team_id: "T1", enterprise_id: null }] }, "T1"],
    [
      "an event, org-wide install",
      {
        team_id: "T1",
        enterprise_id: "E1",
        authorizations: [{ team_id: null, enterprise_id: "E1", is_enterprise_install: true }],
      },
      "E1",
    ],
    [
      "an event in a channel shared with another org",
      {
        team_id: "T9",
        enterprise_id: "E9",
        is_ext_shared_channel: true,
        authorizations: [{ team_id: "T1", enterprise_id: null, is_enterprise_install: false }],
      },
      "T1",
    ],
    [
      "an event in a shared channel, org-wide install",
      {
        team_id: "T9",
        enterprise_id: "E9",
        is_ext_shared_channel: true,
        authorizations: [{ team_id: null, enterprise_id: "E1", is_enterprise_install: true }],
      },
      "E1",
    ],
    ["org-wide without an enterprise id: the team", { team_id: "T1", is_enterprise_install: true }, "T1"],
    ["nothing named", {}, ""],
  ])("%s", (_, payload, expected) => {
    expect(workspaceOf(payload)).toBe(expected);
  });
});

describe("workspaceOfToken", () => {
  it.each([
    ["a workspace install", { team_id: "T1", is_enterprise_install: false }, "T1"],
    ["a workspace install in an org: the team, not the org", { team_id: "T1", enterprise_id: "E1" }, "T1"],
    [
      "an org-wide install: the org",
      { team_id: "T1", enterprise_id: "E1", is_enterprise_install: true },
      "E1",
    ],
    ["nothing named", {}, ""],
  ])("%s", (_, auth, expected) => {
    expect(workspaceOfToken(auth)).toBe(expected);
  });
});
