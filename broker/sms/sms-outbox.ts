import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from '../log.ts';
import type { Sms, SmsMessage } from './sms.ts';

/**
 * The simulated office's and a trial's text messages: each written as a .sms.txt file beside the
 * e-mails of the outbox folder, named by its booking or ticket first, so that it goes with them.
 */
export class SmsOutbox implements Sms {
  readonly reachesCitizens = false;
  private readonly dir: string;
  private count = 0;

  constructor(dataDir: string, dir: string, log: Logger) {
    this.dir = resolve(dataDir, dir);
    log.info('text messages go to the outbox folder', { dir: this.dir });
  }

  async send(id: string, message: SmsMessage): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const name = `${message.about ? `${message.about}--` : ''}${new Date().toISOString().replace(/[:.]/g, '-')}-${++this.count}-${id}.sms.txt`;
    await writeFile(join(this.dir, name), `SMS to: ${message.to}\n\n${message.text}\n`);
  }

  onReport(): void {}

  async forget(about: string): Promise<void> {
    const files = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(files.filter((f) => f.startsWith(`${about}--`) && f.endsWith('.sms.txt')).map((f) => rm(join(this.dir, f), { force: true })));
  }

  async close(): Promise<void> {}
}
