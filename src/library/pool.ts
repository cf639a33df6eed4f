import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Briefing } from '../core/types.js';

interface Pending {
  readonly resolve: (briefing: Briefing) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  busy: number;
}

function startWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    const entry = new URL('./analyze-worker.ts', self).href;
    return new Worker(new URL('./analyze-worker-boot.mjs', self), { workerData: { entry } });
  }
  return new Worker(new URL('./analyze-worker.js', self));
}

/**
 * A small pool of worker threads that run the engine on many files at once (the cold start of a big
 * folder): the main thread stays free to answer interactions, and both cores are used.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size = Math.min(2, availableParallelism())) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker();
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (message: { id: number; briefing?: Briefing; error?: string }) => {
        slot.busy--;
        const job = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error !== undefined) job?.reject(new Error(message.error));
        else job?.resolve(message.briefing as Briefing);
      });
      worker.on('error', (error) => this.failAll(error));
      this.slots.push(slot);
    }
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(new Error(`analysis worker failed: ${error.message}`));
    this.pending.clear();
  }

  analyze(bytes: Uint8Array, name: string): Promise<Briefing> {
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, bytes, name });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
