import type { Catalog } from "./en.ts";
import type { NoExtraKeys } from "./messages.ts";
import { adminCommands } from "./sv/admin-commands.ts";
import { assign } from "./sv/assign.ts";
import { audit } from "./sv/audit.ts";
import { auditSentences } from "./sv/audit-sentences.ts";
import { bulk } from "./sv/bulk.ts";
import { common } from "./sv/common.ts";
import { errorDetails } from "./sv/error-details.ts";
import { errors } from "./sv/errors.ts";
import { events } from "./sv/events.ts";
import { exportCopy } from "./sv/export.ts";
import { failures } from "./sv/failures.ts";
import { help } from "./sv/help.ts";
import { home } from "./sv/home.ts";
import { jobs } from "./sv/jobs.ts";
import { language } from "./sv/language.ts";
import { location } from "./sv/location.ts";
import { mailboxes } from "./sv/mailboxes.ts";
import { namedRefusals } from "./sv/named-refusals.ts";
import { nextSteps } from "./sv/next-steps.ts";
import { outcomes } from "./sv/outcomes.ts";
import { person } from "./sv/person.ts";
import { personalNotices } from "./sv/personal-notices.ts";
import { products } from "./sv/products.ts";
import { remove } from "./sv/remove.ts";
import { requests } from "./sv/requests.ts";
import { setup } from "./sv/setup.ts";
import { status } from "./sv/status.ts";
import { tenant } from "./sv/tenant.ts";
import { tenantChanges } from "./sv/tenant-changes.ts";
import { tenantSync } from "./sv/tenant-sync.ts";

/**
 * Every word a Slack user reads, in Swedish, keyed by the same message ids as English; one file
 * per area under sv/, mirroring en/. The words are the admin center's own: licens, tilldela, ta
 * bort, användningsplats, postlåda, ångerperiod, and seats as "6 av 10 tillgängliga".
 */
export const sv = {
  ...adminCommands,
  ...bulk,
  ...common,
  ...errors,
  ...failures,
  ...help,
  ...jobs,
  ...remove,
  ...status,
  ...tenant,
  ...language,
  ...tenantChanges,
  ...tenantSync,
  ...person,
  ...assign,
  ...errorDetails,
  ...namedRefusals,
  ...nextSteps,
  ...home,
  ...events,
  ...requests,
  ...audit,
  ...auditSentences,
  ...mailboxes,
  ...products,
  ...exportCopy,
  ...setup,
  ...location,
  ...personalNotices,
  ...outcomes,
} satisfies Catalog;

/** A message Swedish has and English lacks fails here: `satisfies` alone lets a spread add keys. */
const exact: NoExtraKeys<typeof sv, Catalog> = true;
void exact;
