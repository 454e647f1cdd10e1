import type { PersonLicenses } from "../../licensing/get-person-licenses.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, formatSize, plainText } from "../copy/format.ts";
import {
  context,
  header,
  type Message,
  message,
  packSections,
  shareBlocks,
} from "../shared/message-parts.ts";

type License = PersonLicenses["licenses"][number];
type Window = PersonLicenses["openWindows"][number];
type Service = License["enabled"][number];

/** Header and the person's context line. */
const FIXED_BLOCKS = 2;

/**
 * A person's licenses: each product with the services it turned on and those their usage location
 * skipped, then every open restore window with the days left, the last day in the viewer's time
 * zone, and the data it keeps (mailbox size, device installs).
 */
export function buildPersonLicensesMessage(licenses: PersonLicenses, options: { timeZone: string }): Message {
  const { person } = licenses;
  const about = [
    person.usageLocation
      ? en["person.location"]({ location: escapeMrkdwn(person.usageLocation) })
      : en["person.location_none"](),
    ...(person.active ? [] : [en["person.deactivated"]()]),
  ];
  const productItems =
    licenses.licenses.length > 0 ? licenses.licenses.map(licenseItem) : [en["person.licenses.none"]()];
  const windowItems = licenses.openWindows.map((w) => windowItem(w, options.timeZone));
  const perList = shareBlocks(FIXED_BLOCKS, windowItems.length > 0 ? 2 : 1);
  return message(
    en["person.fallback"]({
      person: escapeMrkdwn(person.name),
      licenses: licenses.licenses.length,
      windows: licenses.openWindows.length,
    }),
    [
      header(en["person.header"]({ person: plainText(person.name) })),
      context([about.join(" · ")]),
      ...packSections(productItems, perList, { heading: en["person.licenses.heading"]() }),
      ...(windowItems.length > 0
        ? packSections(windowItems, perList, { heading: en["person.windows.heading"]() })
        : []),
    ],
  );
}

function licenseItem(license: License): string {
  const lines = [
    en["person.license.product"]({ product: escapeMrkdwn(license.product.name) }),
    license.enabled.length > 0
      ? en["person.license.on"]({ services: serviceList(license.enabled) })
      : en["person.license.on_none"](),
  ];
  for (const [location, names] of groupBy(license.skipped, (s) => s.location)) {
    lines.push(
      en["person.license.skipped"]({
        services: names.map((s) => escapeMrkdwn(s.name)).join(", "),
        location: escapeMrkdwn(location),
      }),
    );
  }
  return lines.join("\n");
}

function windowItem(window: Window, timeZone: string): string {
  const heading = en["person.window"]({
    product: escapeMrkdwn(window.product.name),
    daysLeft: window.daysLeft,
    date: formatInstant(window.purgeAt, timeZone),
  });
  const kept =
    window.retained.length > 0
      ? en["person.window.kept"]({ services: serviceList(window.retained) })
      : en["person.window.kept_none"]();
  return `${heading}\n${kept}`;
}

/** Services with the data they hold: the mailbox's size, the number of device installs. */
function serviceList(services: readonly Service[]): string {
  return services
    .map((s) => {
      const service = escapeMrkdwn(s.name);
      if (s.mailboxSizeMb !== null)
        return en["service.mailbox"]({ service, size: formatSize(s.mailboxSizeMb) });
      if (s.devices.length > 0) return en["service.devices"]({ service, devices: s.devices.length });
      return service;
    })
    .join(", ");
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
