import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file opens its own embedded database or its own Postgres database, which takes seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
