/**
 * Layers import downward only (house style, convention 13): `npm run lint` runs these rules.
 * `tsPreCompilationDeps` makes type-only imports count, since a type cycle is still a cycle for
 * the reader who has to understand one file before the other.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "No import cycles, type-only imports included.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-knows-no-entry-point",
      severity: "error",
      comment: "src/licensing (the domain) imports nothing from Slack, the console, the CLI or the jobs.",
      from: { path: "^src/licensing/" },
      to: { path: "^src/(slack|console|cli|jobs)/" },
    },
    {
      name: "tenant-connector-knows-no-entry-point",
      severity: "error",
      comment:
        "The tenant port and the Graph client (src/tenants, src/graph) import nothing from Slack, the console, the CLI, the jobs or the stand-ins.",
      from: { path: "^src/(tenants|graph)/" },
      to: { path: "^src/(slack|console|cli|jobs|local-graph|local-slack)/" },
    },
    {
      name: "db-imports-nothing-above",
      severity: "error",
      comment: "src/db is the lowest layer: it imports nothing from the rest of src.",
      from: { path: "^src/db/" },
      to: { path: "^src/", pathNot: "^src/db/" },
    },
    {
      name: "config-imports-nothing-from-the-app",
      severity: "error",
      comment:
        "src/config.ts and its settings modules (src/config/) read the environment and import nothing else from src.",
      from: { path: "^src/config(\\.ts$|/)" },
      to: { path: "^src/", pathNot: "^src/config(\\.ts$|/)" },
    },
  ],
  options: {
    includeOnly: "^src/",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
