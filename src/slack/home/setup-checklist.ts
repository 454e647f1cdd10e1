import type { Button, KnownBlock } from "@slack/types";
import {
  ADMINS_WANTED,
  type SetupChecklist,
  type SetupItem,
  setupDone,
} from "../../licensing/home/get-setup-checklist.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import { header } from "../shared/message-parts.ts";
import { buildTenantHomeItem, type Microsoft365Offer } from "../tenant/tenant-home-item.ts";
import { button, divider, homeView, note, sectionWithButton, shortName } from "./home-parts.ts";
import { buildDefaultLanguageItem } from "./language-choice.ts";

/** Names listed on one item; the rest are counted, which keeps a line short for any workspace. */
const NAMES_SHOWN = 5;

/**
 * The admin's set-up checklist: each item done or not, what is set now, and the button that opens
 * the modal setting it. Shown in place of the dashboard until every item is done, and on demand
 * afterwards (then with a way back). `fallbackChannel` is the process setting that applies while
 * no choice of where requests go is recorded; `microsoft365`, what the installation offers for
 * connecting a tenant (the optional last item), absent where it cannot.
 */
export function buildSetupChecklist(
  t: Catalog,
  checklist: SetupChecklist,
  options: { fallbackChannel?: string | undefined; microsoft365?: Microsoft365Offer | undefined },
) {
  const done = setupDone(checklist);
  const doneCount = Object.values(done).filter(Boolean).length;
  const total = Object.keys(done).length;
  const complete = doneCount === total;
  const item = (which: SetupItem, title: string, now: string, action: Button): KnownBlock[] => [
    sectionWithButton(
      `*${title}*\n${done[which] ? t["setup.done"]() : t["setup.not_done"]()} · ${now}`,
      action,
    ),
  ];
  const blocks: KnownBlock[] = [
    header(t["setup.header"]()),
    complete
      ? sectionWithButton(
          t["setup.complete"](),
          button(t["setup.dashboard"](), ids.setup.dashboardAction, "dashboard", "primary"),
        )
      : note(t["setup.intro"]({ done: doneCount, total })),
    divider(),
    ...item(
      "location",
      t["setup.location.title"](),
      checklist.defaultUsageLocation
        ? t["setup.location.now"]({ location: checklist.defaultUsageLocation })
        : t["setup.location.none"](),
      button(t["setup.location.button"](), ids.setup.locationAction, "location"),
    ),
    ...item(
      "products",
      t["setup.products.title"](),
      checklist.products > 0
        ? t["setup.products.now"]({ products: checklist.products })
        : t["setup.products.none"](),
      button(t["setup.products.button"](), ids.home.openProductsAction, "products"),
    ),
    ...item(
      "admins",
      t["setup.admins.title"](),
      [
        t["setup.admins.now"]({ total: checklist.admins.total, names: nameList(t, checklist.admins) }),
        ...(checklist.admins.total >= ADMINS_WANTED
          ? []
          : [t["setup.admins.wanted"]({ wanted: ADMINS_WANTED })]),
      ].join(" "),
      button(t["setup.admins.button"](), ids.setup.adminsAction, "admins"),
    ),
    ...item(
      "approvals",
      t["setup.approvals.title"](),
      approvalsText(t, checklist, options.fallbackChannel),
      button(t["setup.approvals.button"](), ids.setup.approvalsAction, "approvals"),
    ),
    ...item(
      "defaults",
      t["setup.defaults.title"](),
      checklist.defaults.total > 0
        ? t["setup.defaults.now"]({ names: nameList(t, checklist.defaults) })
        : t["setup.defaults.none"](),
      button(t["setup.defaults.button"](), ids.setup.defaultsAction, "defaults"),
    ),
    // Always set (English until changed), so it is shown but not counted as a step.
    divider(),
    buildDefaultLanguageItem(t, checklist.defaultLanguage),
    // Optional, so not counted in "N of M done": offered only where the installation can connect one.
    ...(options.microsoft365
      ? [divider(), ...buildTenantHomeItem(checklist.tenant ?? null, options.microsoft365)]
      : []),
  ];
  return homeView(blocks);
}

function approvalsText(t: Catalog, checklist: SetupChecklist, fallbackChannel: string | undefined): string {
  const choice = checklist.approvals;
  if (choice?.route === "channel") return t["setup.approvals.channel"]({ channel: choice.channelId });
  if (choice?.route === "direct_messages") return t["setup.approvals.dms"]();
  return fallbackChannel
    ? t["setup.approvals.unchosen_channel"]({ channel: fallbackChannel })
    : t["setup.approvals.unchosen"]();
}

/** "Alva, Bo and 3 more": names cut to a line's length, escaped, the rest counted. */
export function nameList(t: Catalog, list: { total: number; names: readonly string[] }): string {
  const shown = list.names.slice(0, NAMES_SHOWN).map((n) => escapeMrkdwn(shortName(n)));
  const rest = list.total - shown.length;
  return rest > 0 ? [...shown, t["setup.more"]({ count: rest })].join(", ") : shown.join(", ");
}
