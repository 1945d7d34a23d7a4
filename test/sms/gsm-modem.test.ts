import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createLogger } from '../../broker/log.ts';
import { GsmModem } from '../../broker/sms/gsm-modem.ts';
import type { SmsReport } from '../../broker/sms/sms.ts';
import { eventually } from '../support/eventually.ts';
import { type Submitted, startSimulatedModem } from '../support/simulated-modem.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * An SMS-SUBMIT taken apart by hand from TS 23.040, independently of broker/sms/pdu.ts: what a
 * phone would read from it.
 */
function decodeSubmit({ hex, length }: Submitted) {
  const bytes = Buffer.from(hex, 'hex');
  let at = 1 + bytes[0]!; // the SMSC address: 00, the SIM's own
  const tpduLength = bytes.length - at;
  const first = bytes[at++]!;
  at += 1; // TP-MR, set by the modem
  const digits = bytes[at++]!;
  const type = bytes[at++]!;
  const octets = Math.ceil(digits / 2);
  const number = [...bytes.subarray(at, at + octets)]
    .map((b) => `${b & 0x0f}${(b >> 4).toString(16)}`)
    .join('')
    .replace(/f$/i, '');
  at += octets;
  const pid = bytes[at++]!;
  const dcs = bytes[at++]!;
  if (((first >> 3) & 0x03) === 0x02) at += 1; // TP-VP, relative
  const udl = bytes[at++]!;
  const ud = bytes.subarray(at, at + udl);
  let header: { reference: number; total: number; seq: number } | null = null;
  let text = ud;
  if (first & 0x40) {
    const udhl = ud[0]!;
    assert.is(ud[1], 0x00, 'the concatenation IE with an 8-bit reference');
    header = { reference: ud[3]!, total: ud[4]!, seq: ud[5]! };
    text = ud.subarray(1 + udhl);
  }
  let decoded = '';
  for (let k = 0; k + 1 < text.length; k += 2) decoded += String.fromCharCode((text[k]! << 8) | text[k + 1]!);
  return { tpduLength, announced: length, mti: first & 0x03, statusReport: Boolean(first & 0x20), number, type, pid, dcs, udl, header, text: decoded };
}

const log = createLogger('sms', () => {});
const czech = 'Příliš žluťoučký kůň úpěl ďábelské ódy. ';
const long = `${czech.repeat(5)}Konec.`.slice(0, 200);

test('a 200-letter Czech message leaves the modem as three UCS-2 parts a phone joins back letter for letter, and its status reports come back as delivered', async () => {
  const dir = await tempDir();
  const simulated = await startSimulatedModem(dir.path);
  const modem = new GsmModem({ kind: 'modem', path: simulated.path, baudRate: 115200 }, log);
  const reports: SmsReport[] = [];
  modem.onReport((r) => reports.push(r));
  try {
    assert.is(long.length, 200);
    await modem.send('m1', { to: '+420777123456', text: long });
    assert.equal(simulated.commands.slice(0, 6), ['AT', 'ATE0', 'AT+CMEE=1', 'AT+CPIN?', 'AT+CMGF=0', 'AT+CNMI=2,1,0,1,0'], 'PDU mode, status reports pushed');
    const parts = simulated.submitted.map(decodeSubmit);
    assert.is(parts.length, 3, '67 letters to a part');
    for (const part of parts) {
      assert.is(part.announced, part.tpduLength, 'AT+CMGS names the TPDU length without the SMSC octet');
      assert.is(part.mti, 1, 'SMS-SUBMIT');
      assert.ok(part.statusReport, 'asks for a status report');
      assert.is(part.number, '420777123456');
      assert.is(part.type, 0x91, 'an international number');
      assert.is(part.dcs, 0x08, 'UCS-2');
      assert.ok(part.udl <= 140, 'fits one SMS');
    }
    assert.equal(
      parts.map((p) => p.header?.seq),
      [1, 2, 3],
    );
    assert.ok(parts.every((p) => p.header?.total === 3 && p.header.reference === parts[0]!.header!.reference));
    assert.is(parts.map((p) => p.text).join(''), long, 'every diacritic intact');
    await eventually('the three status reports', () => reports.length > 0);
    assert.equal(reports, [{ id: 'm1', outcome: 'delivered' }], 'one report for the message, after its last part');

    await modem.send('m2', { to: '+421905123456', text: 'Lístek A012: jste na řadě, přepážka 3.' });
    const single = decodeSubmit(simulated.submitted[3]!);
    assert.is(single.header, null, 'a short message goes as one part, without a header');
    assert.is(single.text, 'Lístek A012: jste na řadě, přepážka 3.');
    assert.is(single.number, '421905123456');
    assert.is(simulated.commands.filter((c) => c === 'AT+CMGF=0').length, 1, 'the modem is set up once, not per message');
  } finally {
    await modem.close();
    await simulated.stop();
    await dir.remove();
  }
});

test("the network's refusal fails the send without quoting the number, and the next send goes through on the same port", async () => {
  const dir = await tempDir();
  const simulated = await startSimulatedModem(dir.path);
  const modem = new GsmModem({ kind: 'modem', path: simulated.path, baudRate: 115200 }, log);
  try {
    simulated.refusing = true;
    const error = await modem.send('m1', { to: '+420777123456', text: 'Kód 12345678' }).then(
      () => null,
      (e: Error) => e,
    );
    assert.ok(error, 'refused');
    assert.match(error.message, /\+CMS ERROR: 38/);
    assert.not.match(error.message, /777/);
    simulated.refusing = false;
    await modem.send('m2', { to: '+420777123456', text: 'Kód 12345678' });
    assert.is(decodeSubmit(simulated.submitted.at(-1)!).text, 'Kód 12345678');
  } finally {
    await modem.close();
    await simulated.stop();
    await dir.remove();
  }
});

test("a SIM that asks for its PIN gets it from the secret file's variable, and without it the send fails saying so", async () => {
  const dir = await tempDir();
  const simulated = await startSimulatedModem(dir.path, '4321');
  const settings = { kind: 'modem' as const, path: simulated.path, baudRate: 115200 };
  const without = new GsmModem(settings, log, {});
  const withPin = new GsmModem(settings, log, { FRONTA_SMS_SECRET: '4321' });
  try {
    const error = await without.send('m1', { to: '+420777123456', text: 'Ahoj' }).then(
      () => null,
      (e: Error) => e,
    );
    assert.match(String(error), /PIN/);
    await without.close();
    await withPin.send('m2', { to: '+420777123456', text: 'Žluťoučký' });
    assert.ok(simulated.commands.includes('AT+CPIN="…"'));
    assert.is(decodeSubmit(simulated.submitted.at(-1)!).text, 'Žluťoučký');
  } finally {
    await withPin.close();
    await simulated.stop();
    await dir.remove();
  }
});

test.run();
