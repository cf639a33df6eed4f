/** Worker thread body: answers cross-briefing tasks off the thread that answers Discord. */
import { parentPort } from 'node:worker_threads';
import { runTask, type AcrossTask } from './tasks.js';

parentPort?.on('message', (job: { id: number; task: AcrossTask }) => {
  try {
    parentPort?.postMessage({ id: job.id, result: runTask(job.task) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
