// Builds the entry points `npm start` and the production scripts run into dist/, so that no
// TypeScript is compiled at run time. `node scripts/build.mjs --outdir DIR FILE…` builds other
// entry points the same way (bench:start builds its bare Bolt app so).
//
// Each dynamic import() becomes a chunk of its own, so that what only the console, OAuth mode or
// one database driver needs is not even read by the others. The layout under dist/ is src/'s, one
// directory up: dist/main.js, dist/cli/jobs.js.
import { build } from "esbuild";

const PRODUCTION = ["src/main.ts", "src/cli/jobs.ts", "src/cli/export.ts", "src/cli/catalog.ts"];

// Packages stay in node_modules (PGlite finds its WebAssembly and data files beside its own code,
// and bundling every one held more memory), except these: ES modules of hundreds of small files
// (437 and 227 read at start), which Node would resolve, read and compile one by one.
const BUNDLED_PACKAGES = /^(drizzle-orm|zod)(\/|$)/;

const packagesExternal = {
  name: "packages-external",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      BUNDLED_PACKAGES.test(path) ? undefined : { path, external: true },
    );
  },
};

const args = process.argv.slice(2);
const at = args.indexOf("--outdir");
const outdir = at === -1 ? "dist" : args[at + 1];
const entryPoints = at === -1 ? PRODUCTION : args.filter((_, i) => i !== at && i !== at + 1);
if (!outdir || entryPoints.length === 0) {
  console.error("Usage: node scripts/build.mjs [--outdir DIR FILE…]");
  process.exit(2);
}

await build({
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  plugins: [packagesExternal],
  logLevel: "warning",
});
