/** Worker thread body: analyses files' bytes for the library's cold start, one message per file. */
import { parentPort } from 'node:worker_threads';
import { analyzeBytes } from '../core/analyze.js';

interface Job {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly name: string;
}

parentPort?.on('message', (job: Job) => {
  try {
    parentPort?.postMessage({ id: job.id, briefing: analyzeBytes(job.bytes, job.name) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
