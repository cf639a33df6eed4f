import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Briefing } from '../core/types.js';
import { lazyBriefing, packBriefing, packLight, splitPacked, unpackSplit, type LightFields } from './codec.js';
import { writeFileAtomic } from './write.js';

/**
 * The on-disk analysis cache. Results are keyed by the sha256 of a file's bytes and stored in 16
 * shards (by the key's first hex digit), so a warm start reads 17 files instead of 10,000 and an
 * edit rewrites one shard. A files index keeps each file's fingerprint (size, mtime, ctime, inode)
 * and hash, so an unchanged file is not even re-read. Every file carries a header with the schema,
 * the engine version and the sha256 of its payload: anything that does not match is thrown away and
 * rebuilt, never trusted.
 */
export const CACHE_SCHEMA = 5;
const SHARDS = '0123456789abcdef';

export interface Fingerprint {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

export interface FileRecord {
  readonly fp: Fingerprint;
  readonly hash: string;
}

export interface CachedAnalysis {
  readonly briefing: Briefing;
  readonly textKey: string;
  /** Set when the briefing came from the cache: its stored heavy part, rewritten as is (no re-encoding). */
  readonly stored?: StoredParts;
}

export interface StoredParts {
  readonly keys: readonly string[];
  readonly bodyLength: number;
  /** The heavy part's JSON bytes; null once found malformed (the briefing is then re-packed). */
  heavy: Buffer | null;
}

/** A shard's entry: [textKey, key-set index, light fields, heavy offset, heavy length]. */
type Row = [string, number, LightFields, number, number];

interface ShardMeta {
  /** The distinct field-name lists of the shard's briefings (almost always one). */
  k: string[][];
  e: Record<string, Row>;
}

interface RawEntry {
  readonly row: unknown;
  readonly keySets: unknown;
  readonly blob: Buffer;
}

interface Header {
  schema: number;
  engine: string;
  kind: string;
  sha256: string;
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

export function shardOf(hash: string): string {
  return hash.charAt(0);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function encode(kind: string, engine: string, payload: unknown): string {
  const body = JSON.stringify(payload);
  const header: Header = { schema: CACHE_SCHEMA, engine, kind, sha256: sha256(body) };
  return `${JSON.stringify(header)}\n${body}`;
}

/** A shard: header line, then the meta JSON (light fields) on one line, then the heavy parts' bytes. */
function encodeShard(engine: string, meta: ShardMeta, heavy: readonly Buffer[]): Buffer {
  const body = Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), ...heavy]);
  const header: Header = { schema: CACHE_SCHEMA, engine, kind: 'shard', sha256: createHash('sha256').update(body).digest('hex') };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]);
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Returns the payload, or a reason it cannot be trusted. Works on bytes so the checksum needs no re-encoding. */
function checkHeader(bytes: Buffer, kind: string, engine: string): { body: Buffer } | { reason: string; stale: boolean } {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return { reason: 'no header', stale: false };
  let header: Partial<Header>;
  try {
    header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Partial<Header>;
  } catch {
    return { reason: 'unreadable header', stale: false };
  }
  if (header.schema !== CACHE_SCHEMA || header.kind !== kind) return { reason: `schema ${String(header.schema)}`, stale: true };
  if (header.engine !== engine) return { reason: `engine version ${String(header.engine)} (now ${engine})`, stale: true };
  const body = bytes.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) return { reason: 'checksum mismatch (torn or edited)', stale: false };
  return { body };
}

function decode(bytes: Buffer, kind: string, engine: string): { payload: Record<string, unknown> } | { reason: string; stale: boolean } {
  const checked = checkHeader(bytes, kind, engine);
  if (!('body' in checked)) return checked;
  const { body } = checked;
  try {
    const payload: unknown = JSON.parse(body.toString('utf8'));
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { reason: 'payload is not an object', stale: false };
    return { payload: payload as Record<string, unknown> };
  } catch {
    return { reason: 'payload is not JSON', stale: false };
  }
}

export class AnalysisCache {
  /**
   * Start-up state, dropped by `release()` once the first scan is done. Shards are read at once but
   * parsed only when first needed, and each entry leaves `raw` as it is decoded, so the parsed JSON
   * and the decoded briefings are never all in memory together (less garbage-collection work).
   */
  private shardBytes = new Map<string, Buffer>();
  private raw = new Map<string, RawEntry>();
  private decoded = new Map<string, CachedAnalysis>();
  private readonly rebuild = new Set<string>();
  private writeFailed = false;

  constructor(
    readonly dir: string,
    private readonly engine: string,
    private readonly warn: (message: string) => void,
  ) {}

  private async readBytes(name: string): Promise<Buffer | undefined> {
    try {
      return await readFile(join(this.dir, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.warn(`analysis cache ${name} unreadable (${(error as Error).message}); rebuilding it`);
      return undefined;
    }
  }

  private checked(name: string, bytes: Buffer, kind: string): Record<string, unknown> | undefined {
    const result = decode(bytes, kind, this.engine);
    if ('payload' in result) return result.payload;
    if (!result.stale) this.warn(`analysis cache ${name} is corrupt (${result.reason}); rebuilding it`);
    return undefined;
  }

  /** Reads every shard and the files index. Missing, stale or corrupt parts are marked for rebuilding. */
  async load(): Promise<Map<string, FileRecord>> {
    const files = new Map<string, FileRecord>();
    const [indexBytes] = await Promise.all([
      this.readBytes('files.json'),
      ...[...SHARDS].map(async (shard) => {
        const bytes = await this.readBytes(`shard-${shard}.json`);
        if (bytes) {
          this.shardBytes.set(shard, bytes);
          this.parseShard(shard); // now, while the other shards are still being read
        } else this.rebuild.add(shard);
      }),
    ]);
    const index = indexBytes ? this.checked('files.json', indexBytes, 'files') : undefined;
    for (const [name, value] of Object.entries(index ?? {})) {
      if (!Array.isArray(value) || value.length !== 5) continue;
      const [size, mtimeMs, ctimeMs, ino, hash] = value as unknown[];
      if (typeof size === 'number' && typeof mtimeMs === 'number' && typeof ctimeMs === 'number' && typeof ino === 'number' && typeof hash === 'string') {
        files.set(name, { fp: { size, mtimeMs, ctimeMs, ino }, hash });
      }
    }
    return files;
  }

  private parseShard(shard: string): void {
    const bytes = this.shardBytes.get(shard);
    if (!bytes) return;
    this.shardBytes.delete(shard);
    const name = `shard-${shard}.json`;
    const checked = checkHeader(bytes, 'shard', this.engine);
    if (!('body' in checked)) {
      if (!checked.stale) this.warn(`analysis cache ${name} is corrupt (${checked.reason}); rebuilding it`);
      this.rebuild.add(shard);
      return;
    }
    const { body } = checked;
    const newline = body.indexOf(0x0a);
    let meta: Partial<ShardMeta> | undefined;
    try {
      meta = newline < 0 ? undefined : (JSON.parse(body.subarray(0, newline).toString('utf8')) as Partial<ShardMeta>);
    } catch {
      meta = undefined;
    }
    if (typeof meta !== 'object' || meta === null || typeof meta.e !== 'object' || meta.e === null || !Array.isArray(meta.k)) {
      this.warn(`analysis cache ${name} is corrupt (no entry table); rebuilding it`);
      this.rebuild.add(shard);
      return;
    }
    // The heavy parts stay bytes (a view into the file's buffer) until a briefing is first opened.
    const blob = body.subarray(newline + 1);
    for (const [hash, row] of Object.entries(meta.e)) if (shardOf(hash) === shard) this.raw.set(hash, { row, keySets: meta.k, blob });
  }

  /**
   * The cached analysis for these bytes, or undefined. A malformed entry is dropped (and its shard
   * rebuilt); its heavy part is checked when first read, and if malformed then, `reanalyse` supplies
   * the briefing instead (the checksum already vouches for the bytes, so this only guards against bugs).
   */
  get(hash: string, reanalyse: () => Briefing): CachedAnalysis | undefined {
    const done = this.decoded.get(hash);
    if (done) return done;
    this.parseShard(shardOf(hash));
    const entry = this.raw.get(hash);
    if (entry === undefined) return undefined;
    this.raw.delete(hash);
    try {
      const { row, keySets, blob } = entry;
      if (!Array.isArray(row) || row.length !== 5) throw new Error('entry is not a row');
      const [textKey, keyIndex, light, offset, length] = row as unknown[];
      if (typeof textKey !== 'string') throw new Error('entry has no text key');
      const keys = (keySets as unknown[])[keyIndex as number];
      if (!isInt(keyIndex) || !Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) throw new Error('entry has no field names');
      if (!isInt(offset) || !isInt(length) || offset + length > blob.length) throw new Error('entry points outside the shard');
      const stored: StoredParts = { keys: keys as string[], bodyLength: (light as LightFields).bl, heavy: blob.subarray(offset, offset + length) };
      const briefing = lazyBriefing(light, stored.keys, (eager) => {
        try {
          const full = unpackSplit(eager, JSON.parse((stored.heavy as Buffer).toString('utf8')));
          if (full.body.length !== stored.bodyLength) throw new Error('body length differs from the light entry');
          return full;
        } catch (error) {
          this.warn(`analysis cache entry ${hash.slice(0, 12)} is malformed (${(error as Error).message}); re-analysing`);
          this.rebuild.add(shardOf(hash));
          stored.heavy = null;
          return reanalyse();
        }
      });
      const result: CachedAnalysis = { briefing, textKey, stored };
      this.decoded.set(hash, result);
      return result;
    } catch (error) {
      this.warn(`analysis cache entry ${hash.slice(0, 12)} is malformed (${(error as Error).message}); re-analysing`);
      this.rebuild.add(shardOf(hash));
      return undefined;
    }
  }

  /** Frees the start-up state: after the first scan every live result is held by the library itself. */
  release(live: ReadonlySet<string>): void {
    // Entries of files deleted while the bot was down: rewrite their shards so the cache does not grow forever.
    for (const hash of this.raw.keys()) if (!live.has(hash)) this.rebuild.add(shardOf(hash));
    for (const shard of this.shardBytes.keys()) this.rebuild.add(shard); // never needed: holds only such entries
    this.shardBytes = new Map();
    this.raw = new Map();
    this.decoded = new Map();
  }

  /** Shards that must be written even if nothing in them changed (they were missing, stale or corrupt). */
  takeRebuildShards(): Set<string> {
    const shards = new Set(this.rebuild);
    this.rebuild.clear();
    return shards;
  }

  /**
   * Writes the given shards (each holding exactly the live entries that fall into it) and the files
   * index, atomically. A failure is reported once and otherwise ignored: the cache only saves time.
   */
  async save(shards: ReadonlySet<string>, live: ReadonlyMap<string, CachedAnalysis>, files: ReadonlyMap<string, FileRecord>): Promise<boolean> {
    try {
      await mkdir(this.dir, { recursive: true });
      const byShard = new Map<string, { meta: ShardMeta; keyIndex: Map<string, number>; heavy: Buffer[]; size: number }>();
      for (const shard of shards) byShard.set(shard, { meta: { k: [], e: {} }, keyIndex: new Map(), heavy: [], size: 0 });
      for (const [hash, entry] of live) {
        const target = byShard.get(shardOf(hash));
        if (!target) continue;
        let heavy = entry.stored?.heavy ?? null;
        let light: LightFields;
        let keys: readonly string[];
        if (heavy && entry.stored) {
          light = packLight(entry.briefing, entry.stored.bodyLength);
          keys = entry.stored.keys;
        } else {
          const split = splitPacked(packBriefing(entry.briefing));
          heavy = Buffer.from(JSON.stringify(split.heavy));
          light = split.light;
          keys = Object.keys(entry.briefing);
        }
        const keyName = keys.join(',');
        let keyIndex = target.keyIndex.get(keyName);
        if (keyIndex === undefined) {
          keyIndex = target.meta.k.push([...keys]) - 1;
          target.keyIndex.set(keyName, keyIndex);
        }
        target.meta.e[hash] = [entry.textKey, keyIndex, light, target.size, heavy.length];
        target.heavy.push(heavy);
        target.size += heavy.length;
      }
      for (const [shard, { meta, heavy }] of byShard) {
        await writeFileAtomic(join(this.dir, `shard-${shard}.json`), encodeShard(this.engine, meta, heavy));
        await new Promise((resolve) => setImmediate(resolve)); // let interactions through between shards
      }
      const index: Record<string, [number, number, number, number, string]> = {};
      for (const [name, { fp, hash }] of files) index[name] = [fp.size, fp.mtimeMs, fp.ctimeMs, fp.ino, hash];
      await writeFileAtomic(join(this.dir, 'files.json'), encode('files', this.engine, index));
      this.writeFailed = false;
      return true;
    } catch (error) {
      if (!this.writeFailed) this.warn(`analysis cache not saved in ${this.dir} (${(error as Error).message}); the next start will re-analyse`);
      this.writeFailed = true;
      for (const shard of shards) this.rebuild.add(shard);
      return false;
    }
  }
}
