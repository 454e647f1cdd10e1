import { adminCommands } from "./en/admin-commands.ts";
import { assign } from "./en/assign.ts";
import { audit } from "./en/audit.ts";
import { auditSentences } from "./en/audit-sentences.ts";
import { bulk } from "./en/bulk.ts";
import { common } from "./en/common.ts";
import { errorDetails } from "./en/error-details.ts";
import { errors } from "./en/errors.ts";
import { events } from "./en/events.ts";
import { exportCopy } from "./en/export.ts";
import { failures } from "./en/failures.ts";
import { help } from "./en/help.ts";
import { home } from "./en/home.ts";
import { jobs } from "./en/jobs.ts";
import { language } from "./en/language.ts";
import { location } from "./en/location.ts";
import { mailboxes } from "./en/mailboxes.ts";
import { namedRefusals } from "./en/named-refusals.ts";
import { nextSteps } from "./en/next-steps.ts";
import { outcomes } from "./en/outcomes.ts";
import { person } from "./en/person.ts";
import { personalNotices } from "./en/personal-notices.ts";
import { products } from "./en/products.ts";
import { remove } from "./en/remove.ts";
import { requests } from "./en/requests.ts";
import { setup } from "./en/setup.ts";
import { status } from "./en/status.ts";
import { tenant } from "./en/tenant.ts";
import { tenantChanges } from "./en/tenant-changes.ts";
import { tenantSync } from "./en/tenant-sync.ts";
import type { Messages } from "./messages.ts";

/**
 * Every word a Slack user reads, in English, keyed by message id; one file per area under en/.
 * Another language is another catalog of the same `Catalog` type: the compiler lists what it lacks.
 */
export const en = {
  ...adminCommands,
  ...bulk,
  ...common,
  ...errors,
  ...failures,
  ...help,
  ...jobs,
  ...remove,
  ...status,
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
  ...tenant,
  ...tenantSync,
  ...tenantChanges,
  ...language,
} as const;

/** Every message id with its parameters, returning a string: what each language's catalog satisfies. */
export type Catalog = Messages<typeof en>;
export type MessageId = keyof Catalog;
