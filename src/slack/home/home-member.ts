import type { KnownBlock } from "@slack/types";
import type { PersonLicenses } from "../../licensing/get-person-licenses.ts";
import type { Limited } from "../../licensing/home/limited.ts";
import type { OwnRequestRow } from "../../licensing/home/list-own-requests.ts";
import type { PersonLanguage } from "../../licensing/language/load-reader-languages.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, formatSize } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import { header, packSections } from "../shared/message-parts.ts";
import { button, divider, homeView, note, sectionWithButton, shortName } from "./home-parts.ts";
import { buildLanguageChoice } from "./language-choice.ts";

/** How many of their requests a member's home reads; older ones are counted. */
export const MEMBER_HOME_REQUESTS = 20;
/** Sections per list: with the fixed blocks, far below the Home tab's 100 for any data. */
const LIST_SECTIONS_MAX = 10;

type Service = PersonLicenses["licenses"][number]["enabled"][number];

export interface MemberHomeInput {
  /** Null for someone the directory does not know yet: they can still ask for a license. */
  licenses: PersonLicenses | null;
  requests: Limited<OwnRequestRow>;
}

/**
 * A member's Home tab: the licenses they hold with what each turned on, the removed ones an admin
 * can still restore (until when), their requests and where each stands, and a button to ask for
 * another license. Dates are in the viewer's time zone.
 */
export function buildMemberHome(
  t: Catalog,
  input: MemberHomeInput,
  options: { timeZone: string; language?: PersonLanguage },
) {
  const { timeZone } = options;
  const held = input.licenses?.licenses ?? [];
  const windows = input.licenses?.openWindows ?? [];
  const licenseLines = held.map((l) => {
    const product = escapeMrkdwn(shortName(l.product.name));
    return l.enabled.length > 0
      ? t["home.member.license"]({ product, services: serviceList(t, l.enabled) })
      : t["home.member.license_nothing_on"]({ product });
  });
  const windowLines = windows.map((w) =>
    t["home.member.window"]({
      product: escapeMrkdwn(shortName(w.product.name)),
      date: formatInstant(t, w.purgeAt, timeZone),
    }),
  );
  const requestLines = input.requests.rows.map((r) => requestLine(t, r, timeZone));
  const olderRequests = input.requests.total - input.requests.rows.length;

  const blocks: KnownBlock[] = [
    header(t["home.header"]()),
    sectionWithButton(
      t["home.member.intro"](),
      button(t["home.member.request"](), ids.home.requestLicenseAction, "request", "primary"),
    ),
    ...(options.language ? [buildLanguageChoice(t, options.language)] : []),
    divider(),
    header(t["home.member.licenses.header"]()),
    ...(licenseLines.length > 0
      ? packSections(t, licenseLines, LIST_SECTIONS_MAX)
      : [note(t["home.member.licenses.none"]())]),
    ...(windowLines.length > 0
      ? [header(t["home.member.windows.header"]()), ...packSections(t, windowLines, LIST_SECTIONS_MAX)]
      : []),
    divider(),
    header(t["home.member.requests.header"]()),
    ...(requestLines.length > 0
      ? packSections(t, requestLines, LIST_SECTIONS_MAX)
      : [note(t["home.member.requests.none"]())]),
    ...(olderRequests > 0 ? [note(t["home.member.requests.more"]({ count: olderRequests }))] : []),
  ];
  return homeView(blocks);
}

function requestLine(t: Catalog, request: OwnRequestRow, timeZone: string): string {
  const words = {
    product: escapeMrkdwn(shortName(request.product.name)),
    status: t[`home.member.request.status.${request.status}`](),
    date: formatInstant(t, request.createdAt, timeZone),
  };
  return request.forPerson
    ? t["home.member.request.other"]({ ...words, person: escapeMrkdwn(shortName(request.forPerson.name)) })
    : t["home.member.request.self"](words);
}

/** Services with the data they hold: the mailbox's size, the number of device installs. */
function serviceList(t: Catalog, services: readonly Service[]): string {
  return services
    .map((s) => {
      const service = escapeMrkdwn(shortName(s.name));
      if (s.mailboxSizeMb !== null)
        return t["service.mailbox"]({ service, size: formatSize(s.mailboxSizeMb) });
      if (s.devices.length > 0) return t["service.devices"]({ service, devices: s.devices.length });
      return service;
    })
    .join(", ");
}
