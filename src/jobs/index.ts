// Durable background work in the database, the same on PGlite and PostgreSQL: typed
// jobs, events that lower modules publish and higher modules' jobs subscribe to, and
// the worker loop that runs them with leases and retries.
export { defineEvent, defineJob, RETRY_WITHOUT_LIMIT, type EventDefinition, type JobDefinition, type JobContext } from './job-definition.ts';
export { enqueueJob, enqueueJobs, publishEvent, deleteJobsOf, registerSubscriptions, oldestDueJobAgeSeconds, type EnqueueOptions } from './job-queue.ts';
export { runJobWorker, runDueJobs, retryDelayMs, PermanentJobError, type JobWorkerOptions } from './job-worker.ts';
