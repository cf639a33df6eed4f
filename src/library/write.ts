import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The file-system calls an atomic write makes. Injectable so tests can make any one of them fail
 * halfway (a full disk, a crash) — as root, a read-only directory would not stop the write.
 */
export interface AtomicFs {
  open(path: string, flags: string, mode?: number): Promise<fsp.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeFs: AtomicFs = {
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  rename: fsp.rename,
  link: fsp.link,
  unlink: fsp.unlink,
};

export interface AtomicWriteOptions {
  readonly fs?: AtomicFs;
  /** Refuse to replace an existing file (EEXIST) instead of overwriting it. */
  readonly exclusive?: boolean;
}

/** Hidden, so the library's folder scan never mistakes a half-written temp file for a briefing. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

async function writeAll(handle: fsp.FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) throw new Error(`short write to ${handle.fd}`);
    offset += bytesWritten;
  }
}

/** Makes the rename itself durable: without this a power cut can forget the new directory entry. */
async function syncDir(fs: AtomicFs, dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a directory; the data itself is already synced.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/**
 * Writes `data` to `path` so that a reader (or a crash, or a full disk) sees either the old file or
 * the complete new one, never a torn one: temp file in the same directory, fsync, rename (or link,
 * for an exclusive create), fsync the directory. Any failure removes the temp file and is rethrown.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = tempPathFor(path);
  let tempExists = false;
  try {
    const handle = await fs.open(temp, 'wx', 0o644);
    tempExists = true;
    try {
      await writeAll(handle, bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      // link() fails with EEXIST instead of replacing: two writers can never clobber each other.
      await fs.link(temp, path);
      tempExists = false;
      await fs.unlink(temp).catch(() => {}); // the new file is complete; a stray hidden temp is harmless
    } else {
      await fs.rename(temp, path);
    }
    tempExists = false;
  } catch (error) {
    if (tempExists) await fs.unlink(temp).catch(() => {});
    throw error;
  }
  await syncDir(fs, dirname(path));
}

/** Deletes a file durably. Missing is not an error: the goal state is reached either way. */
export async function removeFileDurably(path: string, fs: AtomicFs = nodeFs): Promise<boolean> {
  try {
    await fs.unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  await syncDir(fs, dirname(path));
  return true;
}

const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;
/** Older than this, a temp file is a leftover of a killed writer, not one being written now. */
const STALE_TEMP_MS = 60_000;

/**
 * Removes the hidden temp files a killed process left behind in `dir` (they are never read, only
 * take space). Only old ones: another process may be writing into the same folder right now.
 */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = (await fsp.readdir(dir)).filter((name) => TEMP_NAME.test(name));
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const info = await fsp.stat(path);
      if (!info.isFile() || now - info.mtimeMs < STALE_TEMP_MS) continue;
      await fsp.unlink(path);
      removed++;
    } catch {
      // gone already, or not ours to remove: either way nothing to do
    }
  }
  return removed;
}
