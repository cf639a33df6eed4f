/**
 * Worker thread body: whole-file work off the thread that answers Discord, one message per job —
 * `analyze` (a file's briefing) or `clean` (decode + clean only, for an ingest's checks).
 */
import { parentPort } from 'node:worker_threads';
import { analyzeBytes } from '../core/analyze.js';
import { cleanDocument } from '../core/clean/index.js';
import { InputError } from '../core/errors.js';
import { decodeInput } from '../core/input.js';
import type { WorkerJob, WorkerReply } from './pool.js';

function run(job: WorkerJob): WorkerReply {
  try {
    if (job.kind === 'clean') {
      const { text, format } = decodeInput(job.bytes, job.name);
      return { id: job.id, doc: cleanDocument(text, format) };
    }
    return { id: job.id, briefing: analyzeBytes(job.bytes, job.name) };
  } catch (error) {
    if (error instanceof InputError) return { id: job.id, error: error.message, inputCode: error.code };
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (job: WorkerJob) => parentPort?.postMessage(run(job)));
