/** Reading request bodies the way Discord accepts them: JSON, or multipart with payload_json and files[n]. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UploadedFile } from './messages.js';

/** Discord's request-size ceiling for uploads without boosts. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface ParsedBody {
  json: unknown;
  files: UploadedFile[];
  tooLarge: boolean;
  malformed: boolean;
}

export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) return { json: undefined, files: [], tooLarge: true, malformed: false };
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { json: undefined, files: [], tooLarge: false, malformed: false };
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) return readMultipart(raw, type);
  try {
    return { json: JSON.parse(raw.toString('utf8')), files: [], tooLarge: false, malformed: false };
  } catch {
    return { json: undefined, files: [], tooLarge: false, malformed: true };
  }
}

async function readMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  // The platform's own multipart parser (undici's Request) instead of a hand-written one.
  const form = await new Request('http://emulator.invalid', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
  let json: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (field === 'payload_json' && typeof value === 'string') {
      try {
        json = JSON.parse(value);
      } catch {
        return { json: undefined, files, tooLarge: false, malformed: true };
      }
    } else if (typeof value !== 'string') {
      const content = Buffer.from(await value.arrayBuffer());
      files.push({ field, filename: value.name, size: content.length, contentType: value.type || 'application/octet-stream', content });
    }
  }
  return { json, files, tooLarge: false, malformed: false };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204) {
    response.writeHead(204, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers }).end(text);
}

/** Match a path against a template like '/applications/:id/commands' (':x' one segment, trailing '*' the rest). */
export function matchTemplate(template: string, path: string): boolean {
  const want = template.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  for (let index = 0; index < want.length; index++) {
    const part = want[index]!;
    if (part === '*') return true;
    if (index >= have.length) return false;
    if (!part.startsWith(':') && part !== have[index]) return false;
  }
  return want.length === have.length;
}
