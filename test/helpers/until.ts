/**
 * The one way the tests wait for something the app does after it has answered: reads again every
 * 10 ms until the value is what `done` asks for (a count: at least that many items), or `timeoutMs`
 * passes. Either way it returns the last value read, for the test's own `expect` to judge, so a
 * timeout fails with what was there instead of "timed out".
 *
 * It waits for something to happen, never for something not to: that nothing more happened is
 * shown by a later, known event having been handled (see `settled()` on the running app).
 */
export async function until<T extends readonly unknown[]>(
  read: () => T | Promise<T>,
  count: number,
  timeoutMs?: number,
): Promise<T>;
export async function until<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs?: number,
): Promise<T>;
export async function until<T>(
  read: () => T | Promise<T>,
  done: number | ((value: T) => boolean),
  timeoutMs = 5000,
): Promise<T> {
  const isDone = typeof done === "number" ? (value: T) => (value as readonly unknown[]).length >= done : done;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
