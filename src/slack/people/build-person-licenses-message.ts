import type { PersonLicenses } from "../../licensing/get-person-licenses.ts";
import type { Catalog } from "../copy/en.ts";
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
export function buildPersonLicensesMessage(
  t: Catalog,
  licenses: PersonLicenses,
  options: { timeZone: string },
): Message {
  const { person } = licenses;
  const about = [
    person.usageLocation
      ? t["person.location"]({ location: escapeMrkdwn(person.usageLocation) })
      : t["person.location_none"](),
    ...(person.active ? [] : [t["person.deactivated"]()]),
  ];
  const productItems =
    licenses.licenses.length > 0
      ? licenses.licenses.map((x) => licenseItem(t, x))
      : [t["person.licenses.none"]()];
  const windowItems = licenses.openWindows.map((w) => windowItem(t, w, options.timeZone));
  const perList = shareBlocks(FIXED_BLOCKS, windowItems.length > 0 ? 2 : 1);
  return message(
    t["person.fallback"]({
      person: escapeMrkdwn(person.name),
      licenses: licenses.licenses.length,
      windows: licenses.openWindows.length,
    }),
    [
      header(t["person.header"]({ person: plainText(person.name) })),
      context([about.join(" · ")]),
      ...packSections(t, productItems, perList, { heading: t["person.licenses.heading"]() }),
      ...(windowItems.length > 0
        ? packSections(t, windowItems, perList, { heading: t["person.windows.heading"]() })
        : []),
    ],
  );
}

function licenseItem(t: Catalog, license: License): string {
  const lines = [
    t["person.license.product"]({ product: escapeMrkdwn(license.product.name) }),
    license.enabled.length > 0
      ? t["person.license.on"]({ services: serviceList(t, license.enabled) })
      : t["person.license.on_none"](),
  ];
  for (const [location, names] of groupBy(license.skipped, (s) => s.location)) {
    lines.push(
      t["person.license.skipped"]({
        services: names.map((s) => escapeMrkdwn(s.name)).join(", "),
        location: escapeMrkdwn(location),
      }),
    );
  }
  return lines.join("\n");
}

function windowItem(t: Catalog, window: Window, timeZone: string): string {
  const heading = t["person.window"]({
    product: escapeMrkdwn(window.product.name),
    daysLeft: window.daysLeft,
    date: formatInstant(t, window.purgeAt, timeZone),
  });
  const kept =
    window.retained.length > 0
      ? t["person.window.kept"]({ services: serviceList(t, window.retained) })
      : t["person.window.kept_none"]();
  return `${heading}\n${kept}`;
}

/** Services with the data they hold: the mailbox's size, the number of device installs. */
function serviceList(t: Catalog, services: readonly Service[]): string {
  return services
    .map((s) => {
      const service = escapeMrkdwn(s.name);
      if (s.mailboxSizeMb !== null)
        return t["service.mailbox"]({ service, size: formatSize(s.mailboxSizeMb) });
      if (s.devices.length > 0) return t["service.devices"]({ service, devices: s.devices.length });
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
