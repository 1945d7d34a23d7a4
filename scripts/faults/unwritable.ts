import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { SimOffice } from '../lib/sim-office.ts';
import type { FaultOffice } from './fault-office.ts';

export interface UnwritableReport {
  /** What the kiosk said to a press while nothing could be written. */
  kioskSaid: string[];
  printedWhileUnwritable: number;
  holdStatusWhileUnwritable: number;
  holdCodeWhileUnwritable: string;
  printedAfter: number;
  holdStatusAfter: number;
  /** Tickets in the server's durable state after a restart: the two printed, nothing else. */
  waitingAfterRestart: number;
}

const run = promisify(execFile);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The data directory made unwritable under a running server (chattr +i: even root's writes and the
 * journal's open file are refused, as on a read-only or failed disk). A press must fail visibly on
 * the kiosk and print nothing; a hold must be refused; once the directory is writable again both
 * work, and a restart finds exactly what was acknowledged.
 */
export async function unwritableDataDir(office: FaultOffice, dataDir: string): Promise<UnwritableReport> {
  const sim = new SimOffice(
    office.config,
    office.devices.filter((d) => d.deviceId === 'kiosk-hala'),
    office.clock,
  );
  await sim.start();
  const kiosk = sim.kiosk('kiosk-hala');
  const url = () => `http://127.0.0.1:${office.server.httpPort}`;
  const freeze = (flag: '+i' | '-i') => run('chattr', ['-R', flag, dataDir]);
  const waitFor = async (check: () => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!check() && Date.now() < deadline) await pause(10);
  };
  const press = async () => {
    const before = kiosk.printer.printed.length;
    kiosk.buttons.press(3);
    await waitFor(() => kiosk.printer.printed.length > before || kiosk.lcd.lines[0] === 'Chyba systému,');
  };
  try {
    await waitFor(() => kiosk.lcd.lines[0] === 'Dobrý den,' && kiosk.buttons.lights.get(3) === true);
    await press();
    const printedBefore = kiosk.printer.printed.length;
    await freeze('+i');
    let kioskSaid: string[] = [];
    let hold: { status: number; code: string };
    try {
      await press();
      kioskSaid = [...kiosk.lcd.lines];
      hold = await holdOnce(url());
    } finally {
      await freeze('-i');
    }
    const printedWhileUnwritable = kiosk.printer.printed.length - printedBefore;
    await waitFor(() => kiosk.lcd.lines[0] === 'Dobrý den,', 10_000);
    await press();
    const printedAfter = kiosk.printer.printed.length - printedBefore - printedWhileUnwritable;
    const after = await holdOnce(url());
    await office.restart();
    const waiting = await waitingPassports(office);
    return {
      kioskSaid,
      printedWhileUnwritable,
      holdStatusWhileUnwritable: hold.status,
      holdCodeWhileUnwritable: hold.code,
      printedAfter,
      holdStatusAfter: after.status,
      waitingAfterRestart: waiting,
    };
  } finally {
    await run('chattr', ['-R', '-i', dataDir]).catch(() => undefined);
    await sim.stop();
  }
}

async function holdOnce(url: string): Promise<{ status: number; code: string }> {
  const slots = ((await (await fetch(`${url}/api/services/pasy/days/2026-11-25`)).json()) as { slots: { startsAt: number }[] }).slots;
  const challenge = (await (await fetch(`${url}/api/challenge`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  const body = { serviceId: 'pasy', startsAt: slots[0]!.startsAt, name: 'Jana Nováková', email: `jana${Date.now()}@example.cz`, consent: true, language: 'cs', proof: { challenge, solution } };
  const response = await fetch(`${url}/api/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: json.error?.code ?? 'ok' };
}

/** The passport service's waiting count, from its retained status as a kiosk sees it. */
async function waitingPassports(office: FaultOffice): Promise<number> {
  const sim = new SimOffice(
    office.config,
    office.devices.filter((d) => d.deviceId === 'prepazka-3'),
    office.clock,
  );
  await sim.start();
  try {
    const box = sim.counter('prepazka-3');
    const deadline = Date.now() + 5000;
    while (box.digits.text.startsWith('--------') && Date.now() < deadline) await pause(10);
    return Number(box.digits.text.slice(4).trim());
  } finally {
    await sim.stop();
  }
}
