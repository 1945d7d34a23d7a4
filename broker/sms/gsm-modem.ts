import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { Logger } from '../log.ts';
import { parseStatusReport, submitPdus } from './pdu.ts';
import { type Sms, type SmsMessage, type SmsReport, smsSecret, withoutNumbers } from './sms.ts';

type ModemSettings = Extract<OfficeConfig['sms']['transport'], { kind: 'modem' }>;
/** What serialport's SerialPort is to us. */
type ModemPort = Duplex & { readonly isOpen: boolean; close(callback: () => void): void };

interface Waiter {
  lines: string[];
  done: (lines: string[]) => void;
  fail: (error: Error) => void;
  /** Set while AT+CMGS waits for its "> ": the PDU is written then. */
  prompt?: () => void;
  /** Each line as it comes: a status report can follow +CMGS before the promise's continuation runs. */
  seen?: (line: string) => void;
}

/** A command is answered at once; AT+CMGS only once the network took the part. */
const commandMs = 5_000;
const submitMs = 60_000;
const maxAwaitingReports = 1000;

/**
 * A GSM modem on the office server (a USB stick or a Pi HAT, as a serial port), spoken to in AT
 * commands: PDU mode (pdu.ts), one command at a time, status reports pushed as +CDS (AT+CNMI ds=1).
 * The port opens at the first message and again after it was lost (the stick pulled out), so the
 * server starts without the modem and a message that failed goes at the queue's next try.
 */
export class GsmModem implements Sms {
  readonly reachesCitizens = true;
  private port: ModemPort | undefined;
  private opening: Promise<ModemPort> | undefined;
  private buffer = '';
  private waiter: Waiter | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private reportFollows = false;
  private readonly listeners: ((report: SmsReport) => void)[] = [];
  /** Each part's TP-MR (what +CMGS answered) → its message, until its report. */
  private readonly parts = new Map<number, string>();
  private readonly messages = new Map<string, { left: number; failed: boolean }>();
  private reference = randomInt(256);

  constructor(
    private readonly settings: ModemSettings,
    private readonly log: Logger,
    private readonly env: NodeJS.ProcessEnv = process.env,
    /** Opens the serial port; serialport 13, imported only when a modem is configured. */
    private readonly openPort: (path: string, baudRate: number) => Promise<ModemPort> = openSerial,
  ) {}

  send(id: string, message: SmsMessage): Promise<void> {
    const run = this.chain.then(() => this.submit(id, message));
    this.chain = run.catch(() => {});
    return run;
  }

  onReport(listener: (report: SmsReport) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    const port = this.port ?? (await this.opening?.catch(() => undefined));
    this.port = undefined;
    if (port) await closed(port);
  }

  private async submit(id: string, message: SmsMessage): Promise<void> {
    await this.connected();
    this.reference = (this.reference + 1) % 256;
    const pdus = submitPdus(message.to, message.text, this.reference);
    this.messages.set(id, { left: pdus.length, failed: false });
    // A report the network never sent must not keep its message for ever.
    for (const [old] of this.messages) if (this.messages.size > maxAwaitingReports) this.messages.delete(old);
    const seen = (line: string) => {
      const reference = /^\+CMGS:\s*(\d+)/.exec(line)?.[1];
      if (reference !== undefined) this.parts.set(Number(reference), id);
    };
    for (const pdu of pdus) await this.exchange(`AT+CMGS=${pdu.length}`, submitMs, `${pdu.hex}\x1a`, seen);
  }

  private connected(): Promise<ModemPort> {
    if (this.port) return Promise.resolve(this.port);
    this.opening ??= this.open().finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  private async open(): Promise<ModemPort> {
    const port = await this.openPort(this.settings.path, this.settings.baudRate);
    port.on('data', (chunk: Buffer) => this.received(chunk.toString('latin1')));
    const lost = (error?: Error) => {
      if (this.port === port) this.port = undefined;
      this.waiter?.fail(new Error(`modem port lost${error ? `: ${error.message}` : ''}`));
    };
    port.on('error', lost);
    port.on('close', () => lost());
    this.port = port;
    try {
      for (const command of ['AT', 'ATE0', 'AT+CMEE=1']) await this.exchange(command, commandMs);
      const pin = await this.exchange('AT+CPIN?', commandMs);
      if (pin.some((l) => l.includes('SIM PIN'))) {
        const secret = smsSecret(this.env, (path) => readFileSync(path, 'utf8'));
        if (!secret) throw new Error('the SIM asks for its PIN: give it in the file FRONTA_SMS_SECRET_FILE names');
        await this.exchange(`AT+CPIN="${secret}"`, commandMs);
      }
      // PDU mode; status reports pushed to us as +CDS, nothing stored on the SIM.
      await this.exchange('AT+CMGF=0', commandMs);
      await this.exchange('AT+CNMI=2,1,0,1,0', commandMs);
    } catch (error) {
      this.port = undefined;
      await closed(port);
      throw error;
    }
    this.log.info('GSM modem ready', { path: this.settings.path });
    return port;
  }

  /** One command, and `then` written at its "> " prompt; the lines before OK, or the modem's error. */
  private exchange(command: string, timeoutMs: number, then?: string, seen?: (line: string) => void): Promise<string[]> {
    const port = this.port;
    if (!port) return Promise.reject(new Error('modem port lost'));
    return new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`modem did not answer ${command.split('=')[0]}`)), timeoutMs);
      const finish = (error: Error | null, lines: string[] = []) => {
        clearTimeout(timer);
        this.waiter = undefined;
        if (error) reject(error);
        else resolve(lines);
      };
      this.waiter = {
        lines: [],
        done: (lines) => finish(null, lines),
        fail: (error) => finish(error),
        ...(then ? { prompt: () => port.write(then) } : {}),
        ...(seen ? { seen } : {}),
      };
      port.write(`${command}\r`);
    });
  }

  private received(text: string): void {
    this.buffer += text;
    for (;;) {
      const prompt = this.waiter?.prompt;
      const waiting = this.buffer.replace(/^[\r\n]+/, '');
      if (prompt && waiting.startsWith('>')) {
        this.buffer = waiting.replace(/^> ?/, '');
        this.waiter!.prompt = undefined;
        prompt();
        continue;
      }
      const end = this.buffer.indexOf('\n');
      if (end < 0) return;
      const line = this.buffer.slice(0, end).trim();
      this.buffer = this.buffer.slice(end + 1);
      if (line) this.line(line);
    }
  }

  private line(line: string): void {
    if (this.reportFollows) {
      this.reportFollows = false;
      this.report(line);
      return;
    }
    if (line.startsWith('+CDS:')) {
      this.reportFollows = true;
      return;
    }
    const waiter = this.waiter;
    if (!waiter) return;
    waiter.seen?.(line);
    if (line === 'OK') waiter.done(waiter.lines);
    else if (line === 'ERROR' || /^\+CM[SE] ERROR/.test(line)) waiter.fail(new Error(`modem refused: ${withoutNumbers(line)}`));
    else waiter.lines.push(line);
  }

  private report(pdu: string): void {
    const report = parseStatusReport(pdu);
    const id = report && this.parts.get(report.reference);
    if (!report || !id || report.outcome === 'pending') return;
    this.parts.delete(report.reference);
    const message = this.messages.get(id);
    if (!message) return;
    message.left -= 1;
    message.failed ||= report.outcome === 'failed';
    if (message.left > 0) return;
    this.messages.delete(id);
    for (const listener of this.listeners) listener({ id, outcome: message.failed ? 'failed' : 'delivered' });
  }
}

/** The port closed, and its lock released (destroy alone leaves serialport's binding open): a new open of the same path may follow at once. */
function closed(port: ModemPort): Promise<void> {
  if (!port.isOpen) return Promise.resolve();
  return new Promise((resolve) => port.close(() => resolve()));
}

async function openSerial(path: string, baudRate: number): Promise<ModemPort> {
  const { SerialPort } = await import('serialport');
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate }, (error) => (error ? reject(error) : resolve(port)));
  });
}
