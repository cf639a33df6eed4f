/**
 * Worker thread body: whole-file work off the thread that answers Discord, one message per job —
 * `analyze` (a file's briefing), `clean` (decode + clean only, for an ingest's checks) or `feed` (a
 * fetched feed document parsed into items).
 */
import { parentPort } from 'node:worker_threads';
import { analyzeBytes } from '../core/analyze.js';
import { cleanDocument } from '../core/clean/index.js';
import { InputError } from '../core/errors.js';
import { decodeInput } from '../core/input.js';
import { FeedError } from '../feeds/errors.js';
import { parseFeedBytes } from '../feeds/parse.js';
import type { WorkerJob, WorkerReply } from './pool.js';

function run(job: WorkerJob): WorkerReply {
  try {
    if (job.kind === 'feed') return { id: job.id, feed: parseFeedBytes(job.bytes, job.options) };
    if (job.kind === 'clean') {
      const { text, format } = decodeInput(job.bytes, job.name);
      return { id: job.id, doc: cleanDocument(text, format) };
    }
    return { id: job.id, briefing: analyzeBytes(job.bytes, job.name) };
  } catch (error) {
    if (error instanceof InputError) return { id: job.id, error: error.message, inputCode: error.code };
    if (error instanceof FeedError) return { id: job.id, error: error.message, feedCode: error.code };
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (job: WorkerJob) => parentPort?.postMessage(run(job)));
