import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import type { SetupChecklist } from "../../../src/licensing/home/get-setup-checklist.ts";
import { blockKitProblems } from "../../../src/local-slack/block-kit-limits.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { buildSetupChecklist } from "../../../src/slack/home/setup-checklist.ts";
import {
  buildAdminsModal,
  buildApprovalsModal,
  buildDefaultsModal,
  buildLocationModal,
} from "../../../src/slack/home/setup-modals.ts";
import { ids } from "../../../src/slack/shared/ids.ts";

const long = (prefix: string, i: number) => `${prefix} ${i} <&> *${"x".repeat(300)}*`;
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

const fresh: SetupChecklist = {
  defaultUsageLocation: null,
  products: 0,
  admins: { total: 1, names: ["Alva"] },
  approvals: null,
  defaults: { total: 0, names: [] },
  defaultLanguage: "en",
};

const large: SetupChecklist = {
  defaultUsageLocation: "SE",
  products: 5000,
  admins: { total: 400, names: Array.from({ length: 10 }, (_, i) => long("Admin", i)) },
  approvals: { route: "channel", channelId: "C0LICENSES" },
  defaults: { total: 300, names: Array.from({ length: 10 }, (_, i) => long("Product", i)) },
  defaultLanguage: "sv",
};

const texts = (view: ReturnType<typeof buildSetupChecklist>) =>
  (view.blocks as KnownBlock[]).flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));

describe("buildSetupChecklist", () => {
  it("shows every item but the admins not done for a fresh workspace, each with its button", () => {
    const view = buildSetupChecklist(en, fresh, {});
    expect(blockKitProblems("home", view)).toEqual([]);
    const items = texts(view).filter((t) => t.includes("Not done"));
    // The one admin the workspace has is enough; a second is recommended, not required.
    expect(items).toHaveLength(4);
    expect(texts(view).join("\n")).toContain("Recommended: give at least 2 people the right");
    const actions = view.blocks.flatMap((b) => ("accessory" in b && b.accessory ? [b.accessory] : []));
    expect(actions.map((a) => ("action_id" in a ? a.action_id : ""))).toEqual([
      ids.setup.locationAction,
      ids.home.openProductsAction,
      ids.setup.adminsAction,
      ids.setup.approvalsAction,
      ids.setup.defaultsAction,
      ids.setup.languageAction,
    ]);
  });

  it("shows the workspace's default language with a menu of the languages offered, not as a step", () => {
    const view = buildSetupChecklist(en, { ...fresh, defaultLanguage: "sv" }, {});
    const menu = view.blocks.flatMap((b) =>
      "accessory" in b && b.accessory?.type === "static_select" ? [b.accessory] : [],
    );
    expect(menu).toHaveLength(1);
    expect(menu[0]?.action_id).toBe(ids.setup.languageAction);
    expect(menu[0]?.initial_option?.value).toBe("sv");
    expect(menu[0]?.options?.map((o) => o.value)).toEqual(["en", "sv"]);
    expect(texts(view).join("\n")).toContain("Default language");
  });

  it("names the process's channel while no choice is recorded", () => {
    const text = texts(buildSetupChecklist(en, fresh, { fallbackChannel: "C0PROCESS" })).join("\n");
    expect(text).toContain("<#C0PROCESS>");
  });

  it("holds Slack's limits for any amount of data, counting the names it leaves out", () => {
    const view = buildSetupChecklist(en, large, {});
    expect(blockKitProblems("home", view)).toEqual([]);
    const text = texts(view).join("\n");
    expect(text).toContain("and 395 more");
    expect(text).toContain("and 295 more");
    expect(text).toContain("Invite the app there");
    expect(text).not.toContain("<&>");
    // Complete: the way back to the dashboard.
    expect(JSON.stringify(view)).toContain(ids.setup.dashboardAction);
  });
});

describe("the set-up modals", () => {
  it("hold Slack's limits and show what is set now", () => {
    const workspaceId = "T0WORKSPACE";
    const products = Array.from({ length: 100 }, (_, i) => ({
      productId: uuid(i),
      name: long("Product", i),
      isDefault: i < 3,
    }));
    const modals = [
      buildLocationModal(en, workspaceId, "SE"),
      buildAdminsModal(en, workspaceId, large.admins),
      buildApprovalsModal(en, workspaceId, large.approvals),
      buildDefaultsModal(en, workspaceId, products),
    ];
    for (const modal of modals) {
      expect(blockKitProblems("modal", modal)).toEqual([]);
      expect(JSON.parse(modal.private_metadata ?? "")).toEqual({ workspaceId });
    }
    const json = JSON.stringify(modals);
    expect(json).toContain('"initial_value":"SE"');
    expect(json).toContain('"initial_conversation":"C0LICENSES"');
    expect(JSON.stringify(modals[3])).toMatch(/"initial_options":\[(\{[^}]*\}[^}]*\},?){3}\]/);
  });
});
