// Exits 0 once the PostgreSQL at the given URL answers, 1 with the reason after `seconds`.
import pg from "pg";

const [url, seconds = "20"] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
let lastError = "";
while (Date.now() < deadline) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    await client.end();
    process.exit(0);
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
    await client.end().catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
console.error(`PostgreSQL at ${url} did not answer: ${lastError}`);
process.exit(1);
