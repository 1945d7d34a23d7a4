import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { eventually } from './eventually.ts';

/** An SMS-SUBMIT as the modem received it: the length AT+CMGS announced and the PDU's hex. */
export interface Submitted {
  length: number;
  hex: string;
}

export interface SimulatedModem {
  /** The serial port the office server opens (one end of a socat pseudo-terminal pair). */
  path: string;
  submitted: Submitted[];
  commands: string[];
  /** Answer AT+CMGS with +CMS ERROR 38 (network out of order) while set. */
  refusing: boolean;
  stop(): Promise<void>;
}

const swapped = (digits: string) => (digits.length % 2 ? `${digits}F` : digits).replace(/(.)(.)/g, '$2$1');

/** A status report for TP-MR `reference` (TP-ST 00, delivered), written here by hand from TS 23.040, not by the code under test. */
function statusReport(reference: number): string {
  const smsc = `0791${swapped('420603000000')}`;
  const recipient = `0C91${swapped('420777123456')}`;
  const stamp = '62211290000000';
  return `${smsc}06${reference.toString(16).padStart(2, '0')}${recipient}${stamp}${stamp}00`.toUpperCase();
}

/**
 * A GSM modem answering AT commands on a pseudo-terminal, as a USB stick does on /dev/ttyUSB2: echo
 * off, PDU mode, a "> " prompt after AT+CMGS, +CMGS with a message reference, then a +CDS status
 * report for each part. `pin`: the SIM asks for it until AT+CPIN gives it.
 */
export async function startSimulatedModem(dir: string, pin?: string): Promise<SimulatedModem> {
  const modemEnd = join(dir, 'modem-end');
  const serverEnd = join(dir, 'ttyUSB2');
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${modemEnd}`, `pty,raw,echo=0,link=${serverEnd}`], { stdio: 'ignore' });
  await eventually('socat to make both ends', () => existsSync(modemEnd) && existsSync(serverEnd));
  const port = await new Promise<SerialPort>((resolve, reject) => {
    const p = new SerialPort({ path: modemEnd, baudRate: 115200 }, (error) => (error ? reject(error) : resolve(p)));
  });
  let locked = pin !== undefined;
  let pdu: { length: number; hex: string } | null = null;
  let buffer = '';
  let reference = 0;
  const modem: SimulatedModem = {
    path: serverEnd,
    submitted: [],
    commands: [],
    refusing: false,
    async stop() {
      await new Promise<void>((resolve) => port.close(() => resolve()));
      socat.kill();
    },
  };
  const answer = (text: string) => port.write(text);
  port.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    for (;;) {
      if (pdu) {
        const end = buffer.indexOf('\x1a');
        if (end < 0) return;
        pdu.hex = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        modem.submitted.push(pdu);
        pdu = null;
        if (modem.refusing) answer('\r\n+CMS ERROR: 38\r\n');
        else {
          reference = (reference + 1) % 256;
          answer(`\r\n+CMGS: ${reference}\r\n\r\nOK\r\n`);
          const report = statusReport(reference);
          answer(`\r\n+CDS: ${report.length / 2 - 8}\r\n${report}\r\n`);
        }
        continue;
      }
      const end = buffer.indexOf('\r');
      if (end < 0) return;
      const command = buffer.slice(0, end).trim();
      buffer = buffer.slice(end + 1);
      if (!command) continue;
      modem.commands.push(command.startsWith('AT+CPIN="') ? 'AT+CPIN="…"' : command);
      const submit = /^AT\+CMGS=(\d+)$/.exec(command);
      if (submit) {
        pdu = { length: Number(submit[1]), hex: '' };
        answer('\r\n> ');
      } else if (command === 'AT+CPIN?') answer(`\r\n+CPIN: ${locked ? 'SIM PIN' : 'READY'}\r\n\r\nOK\r\n`);
      else if (command.startsWith('AT+CPIN="')) {
        locked = command !== `AT+CPIN="${pin}"`;
        answer(locked ? '\r\n+CME ERROR: 16\r\n' : '\r\nOK\r\n');
      } else if (locked && command.startsWith('AT+CMG')) answer('\r\n+CMS ERROR: 311\r\n');
      else answer('\r\nOK\r\n');
    }
  });
  return modem;
}
