// Starts the TypeScript worker when the bot runs from source under tsx: worker threads do not inherit
// tsx's loader on Node 20, so register it here first. (A compiled build loads analyze-worker.js directly.)
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
