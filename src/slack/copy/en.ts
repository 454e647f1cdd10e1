import { adminCommands } from "./en/admin-commands.ts";
import { common } from "./en/common.ts";
import { errors } from "./en/errors.ts";
import { remove } from "./en/remove.ts";

/**
 * Every word a Slack user reads, in English, keyed by message id; one file per area under en/.
 * Another language is another catalog of the same `Catalog` type: the compiler lists what it lacks.
 */
export const en = { ...adminCommands, ...common, ...errors, ...remove } as const;

export type Catalog = { [K in keyof typeof en]: (typeof en)[K] };
export type MessageId = keyof Catalog;
