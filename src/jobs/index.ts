/** One job runner with leases on the database; feed polls, digests and posts are job definitions. */
export { backoffMs } from './backoff.js';
export { ManualClock, systemClock, type Clock } from './clock.js';
export { JobStore, type Job, type JobRow, type NewJob } from './job-store.js';
export { JobRunner, type JobContext, type JobDefinition, type JobResult, type JobRunnerOptions } from './runner.js';
