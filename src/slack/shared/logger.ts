/** What the app logs through: the console in production, a recorder in tests. */
export interface AppLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** One JSON line per entry, for whatever collects the logs. */
export const consoleLogger: AppLogger = {
  info: (message, context) => console.log(JSON.stringify({ level: "info", message, ...context })),
  warn: (message, context) => console.warn(JSON.stringify({ level: "warn", message, ...context })),
  error: (message, context) => console.error(JSON.stringify({ level: "error", message, ...context })),
};

/** An error's message and stack for the log, never for the user. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { error: error.message, stack: error.stack, cause: String(error.cause ?? "") };
  return { error: String(error) };
}
