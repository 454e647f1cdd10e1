import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { UploadedFile } from "../local-slack/fake-slack-api.ts";

/**
 * Keeps a file the app shared (an export) where the person can open it, since the console has no
 * Slack client to download it from; returns its full path. The exports name people: readable by
 * their owner only.
 */
export function saveSharedFile(dir: string, file: UploadedFile): string {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, basename(file.filename) || file.id);
  writeFileSync(path, file.bytes ?? Buffer.alloc(0), { mode: 0o600 });
  return path;
}
