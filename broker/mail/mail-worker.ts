import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../log.ts';
import { createMailer } from './mailer.ts';
import type { MailJob, MailWorkerData } from './worker-mailer.ts';

/**
 * The mailer in its own thread (worker-mailer.ts): first whether it reaches citizens (or it throws,
 * a setting missing, and the server does not start), then each job answered with its number and,
 * when it failed, why.
 */
const { settings, dataDir } = workerData as MailWorkerData;
const mailer = createMailer(settings, dataDir, createLogger('mail'));
parentPort!.postMessage({ reachesCitizens: mailer.reachesCitizens });
parentPort!.on('message', (job: MailJob) => {
  const done = job.kind === 'send' ? mailer.send(job.message) : (mailer.forget?.(job.about) ?? Promise.resolve());
  done.then(
    () => parentPort!.postMessage({ n: job.n }),
    (error: unknown) => parentPort!.postMessage({ n: job.n, error: error instanceof Error ? error.message : String(error) }),
  );
});
