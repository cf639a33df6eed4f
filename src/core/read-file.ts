import { open } from 'node:fs/promises';
import { analyzeBytes } from './analyze.js';
import { InputError } from './errors.js';
import { MAX_INPUT_BYTES } from './limits.js';
import type { AnalyzeOptions, Briefing } from './types.js';

/** Reads at most MAX_INPUT_BYTES + 1 bytes, so a huge file is refused without loading it whole. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputError(`${path} is not a regular file`, 'unreadable');
    if (info.size > MAX_INPUT_BYTES) {
      throw new InputError(`${path} is ${info.size} bytes; the limit is ${MAX_INPUT_BYTES} bytes`, 'too-large');
    }
    const buffer = Buffer.alloc(info.size);
    let offset = 0;
    while (offset < info.size) {
      const { bytesRead } = await handle.read(buffer, offset, info.size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return buffer.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

export async function analyzeFile(path: string, options: AnalyzeOptions = {}): Promise<Briefing> {
  return analyzeBytes(await readInputFile(path), path, options);
}
