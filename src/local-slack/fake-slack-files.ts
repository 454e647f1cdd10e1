import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type ApiArgs,
  type ApiResult,
  decodeJsonArg,
  fail,
  numberArg,
  ok,
  stringArg,
} from "./fake-slack-http.ts";
import { mintSlackId } from "./slack-ids.ts";

export interface UploadedFile {
  id: string;
  filename: string;
  /** The length files.getUploadURLExternal was told. */
  length: number;
  /** The bytes POSTed to the upload URL; undefined until then. */
  bytes?: Buffer;
  /** Set by files.completeUploadExternal. */
  completed?: { title: string; channel?: string; initialComment?: string };
}

/**
 * Files uploaded the way `filesUploadV2` does it (files.getUploadURLExternal, a POST of the bytes
 * to the returned upload_url, files.completeUploadExternal), kept so tests can read them back.
 */
export class FakeFiles {
  readonly #files = new Map<string, UploadedFile>();
  readonly #byUploadId = new Map<string, string>();

  /** Every file shared by files.completeUploadExternal, in order. */
  completed(): UploadedFile[] {
    return [...this.#files.values()].filter((f) => f.completed);
  }

  /** A completed file's content as text. */
  text(filename: string): string | undefined {
    return this.completed()
      .findLast((f) => f.filename === filename)
      ?.bytes?.toString("utf8");
  }

  reserve(filename: string, length: number): { file: UploadedFile; uploadId: string } {
    const file: UploadedFile = { id: mintSlackId("F"), filename, length };
    const uploadId = randomBytes(12).toString("hex");
    this.#files.set(file.id, file);
    this.#byUploadId.set(uploadId, file.id);
    return { file, uploadId };
  }

  byUploadId(uploadId: string): UploadedFile | undefined {
    const id = this.#byUploadId.get(uploadId);
    return id === undefined ? undefined : this.#files.get(id);
  }

  get(id: string): UploadedFile | undefined {
    return this.#files.get(id);
  }
}

/** files.getUploadURLExternal and files.completeUploadExternal; the upload URL is `${origin()}/upload/…`. */
export function fileMethods(
  files: FakeFiles,
  origin: () => string,
): Record<string, (args: ApiArgs) => ApiResult> {
  return {
    "files.getUploadURLExternal": (args) => {
      const filename = stringArg(args, "filename");
      const length = numberArg(args, "length");
      if (filename === undefined)
        return fail("invalid_arguments", ["[ERROR] missing required field: filename"]);
      if (length === undefined || length < 1 || !Number.isInteger(length)) return fail("invalid_length");
      const { file, uploadId } = files.reserve(filename, length);
      return ok({ upload_url: `${origin()}/upload/${uploadId}`, file_id: file.id });
    },
    "files.completeUploadExternal": (args) => {
      const decoded = decodeJsonArg(args.files);
      if (!decoded.ok || !Array.isArray(decoded.value) || decoded.value.length === 0) {
        return fail("invalid_arguments", ["[ERROR] files must be a JSON array"]);
      }
      const listed = decoded.value as { id?: string; title?: string }[];
      const found = listed.map((f) => (typeof f.id === "string" ? files.get(f.id) : undefined));
      if (found.some((f) => f === undefined || f.completed)) return fail("file_not_found");
      if (found.some((f) => f?.bytes === undefined)) return fail("file_upload_not_found");
      const channel = stringArg(args, "channel_id");
      if (channel !== undefined && !/^[CGD][A-Z0-9]+$/.test(channel)) return fail("channel_not_found");
      const initialComment = stringArg(args, "initial_comment");
      listed.forEach((entry, i) => {
        const file = found[i] as UploadedFile;
        file.completed = {
          title: entry.title ?? file.filename,
          ...(channel === undefined ? {} : { channel }),
          ...(initialComment === undefined ? {} : { initialComment }),
        };
      });
      return ok({
        files: found.map((f) => ({ id: f?.id, title: f?.completed?.title, name: f?.filename })),
      });
    },
  };
}

/**
 * The upload URL: what Slack's file servers accept, the bytes as the body or as a multipart form
 * (what @slack/web-api sends). Answers 200 with "OK - <length>", 404 for an unknown URL.
 */
export async function handleUpload(
  files: FakeFiles,
  req: IncomingMessage,
  res: ServerResponse,
  uploadId: string,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const file = files.byUploadId(uploadId);
  if (!file || file.completed) {
    res.writeHead(404).end();
    return;
  }
  const type = req.headers["content-type"] ?? "";
  let bytes = raw;
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": type } }).formData();
    const part = [...form.values()].find((v) => typeof v !== "string") as Blob | undefined;
    bytes = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
  }
  file.bytes = bytes;
  res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${bytes.length}`);
}
