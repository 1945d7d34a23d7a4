import { Worker } from 'node:worker_threads';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { Mailer, MailMessage } from './mailer.ts';

export interface MailWorkerData {
  settings: OfficeConfig['mail'];
  dataDir: string;
}
type Job = { kind: 'send'; message: MailMessage } | { kind: 'forget'; about: string };
export type MailJob = Job & { n: number };

// Beside this module: mail-worker.mjs beside the server's bundle (scripts/build-server.ts builds
// both), or the TypeScript source when run by tsx, imported once tsx's loader is registered in the
// worker (a worker of Node 20 does not get the process's `--import tsx`).
const fromSource = import.meta.url.endsWith('.ts');
const workerFile = new URL(fromSource ? './mail-worker.ts' : './mail-worker.mjs', import.meta.url);
const fromTsx = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerFile.href)}); });`;
const startWorker = (workerData: MailWorkerData) => (fromSource ? new Worker(fromTsx, { eval: true, workerData }) : new Worker(workerFile, { workerData }));

/**
 * The office server's mailer in a thread of its own: composing a mail (nodemailer, 1 ms of CPU a
 * mail) and writing or sending it stay off the thread that runs the queue and answers the kiosks
 * and the booking API, which in an opening rush is the busy one (docs/PERFORMANCE.md). The same
 * mailer as createMailer's, with its settings fixed at start, as they are.
 */
export async function workerMailer(settings: OfficeConfig['mail'], dataDir: string): Promise<Mailer> {
  const worker = startWorker({ settings, dataDir });
  const { reachesCitizens } = await new Promise<{ reachesCitizens: boolean }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let n = 0;
  worker.on('message', ({ n: done, error }: { n: number; error?: string }) => {
    const job = waiting.get(done);
    waiting.delete(done);
    if (error === undefined) job?.resolve();
    else job?.reject(new Error(error));
  });
  // A thread that died takes its jobs with it: each is failed, and the outbox tries its mail again.
  let dead: Error | undefined;
  worker.on('error', (error) => {
    dead = error;
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  });
  // Sending or not, it must not keep the process alive at its end: the outbox keeps what is unsent.
  worker.unref();
  const post = (job: Job) =>
    new Promise<void>((resolve, reject) => {
      if (dead) return reject(dead);
      waiting.set(++n, { resolve, reject });
      worker.postMessage({ ...job, n });
    });
  return {
    reachesCitizens,
    send: (message) => post({ kind: 'send', message }),
    forget: (about) => post({ kind: 'forget', about }),
    close: () => void worker.terminate(),
  };
}
