import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeEscpos } from '../../../shared/escpos/decode.ts';
import { FakeNetworkPrinter } from '../../../test/fakes/fake-network-printer.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { ticketBytes } from '../../escpos/ticket-layout.ts';
import { SimPrinter } from '../sim/sim-printer.ts';
import { EscposPrinter } from './escpos-printer.ts';
import { NetworkTransport } from './network-transport.ts';
import { printerContract } from './printer-contract.ts';

printerContract('SimPrinter', async () => {
  const printer = new SimPrinter();
  return {
    printer,
    printed: () => Uint8Array.from(printer.printed.flatMap((b) => [...b])),
    setPaper: (status) => (printer.paper = status),
    cleanup: async () => {},
  };
});

const paperOf = { ok: 'ok', paperLow: 'nearEnd', paperOut: 'out' } as const;

printerContract('EscposPrinter over TCP 9100', async () => {
  const fake = new FakeNetworkPrinter();
  const port = await fake.start();
  return {
    printer: new EscposPrinter(new NetworkTransport('127.0.0.1', port, 1000)),
    printed: () => fake.printedBytes(),
    setPaper: (status) => (fake.paper = paperOf[status]),
    cleanup: () => fake.stop(),
  };
});

async function networkPrinter(timeoutMs = 1000) {
  const fake = new FakeNetworkPrinter();
  const port = await fake.start();
  return { fake, printer: new EscposPrinter(new NetworkTransport('127.0.0.1', port, timeoutMs)) };
}

test('a ticket sent to a network printer decodes back to the Czech ticket with its QR code', async () => {
  const { fake, printer } = await networkPrinter();
  const ticket = { number: 'F014', serviceId: 'zivnosti', issuedAt: Date.parse('2026-11-24T08:05:00+01:00'), waitingAhead: 2, estimatedWaitMinutes: 30, statusUrl: 'http://localhost:8080/t/abcdefgh' };
  await printer.print(ticketBytes({ ticket, officeName: { cs: 'Městský úřad Kostelec nad Orlicí', en: 'x' }, serviceName: { cs: 'Živnostenský rejstřík', en: 'Trade register' } }));
  await printer.stop();
  const receipt = await eventually('the whole ticket at the printer', () => {
    const decoded = decodeEscpos(fake.printedBytes());
    return decoded.qrCodes.length > 0 && decoded;
  });
  assert.ok(receipt.lines.some((l) => l.text === 'Živnostenský rejstřík'));
  assert.ok(receipt.lines.some((l) => l.text === 'F014' && l.width === 4));
  assert.equal(receipt.qrCodes, [ticket.statusUrl]);
  await fake.stop();
});

test('a printer that never answers the status request is "unknown", within half a second', async () => {
  const { fake, printer } = await networkPrinter();
  fake.paper = 'silent';
  const started = Date.now();
  assert.is(await printer.paperStatus(), 'unknown');
  assert.ok(Date.now() - started < 900);
  await printer.stop();
  await fake.stop();
});

test('a printer that cannot be reached is "offline" and a print fails rather than hangs', async () => {
  const { fake, printer } = await networkPrinter(300);
  await fake.stop();
  assert.is(await printer.paperStatus(), 'offline');
  const started = Date.now();
  const error = await printer.print(Uint8Array.of(0x41)).then(
    () => undefined,
    (e: Error) => e.message,
  );
  assert.ok(error, 'print should fail');
  assert.ok(Date.now() - started < 2000);
  await printer.stop();
});

test('after the printer drops the connection the next print reconnects', async () => {
  const { fake, printer } = await networkPrinter();
  await printer.print(Uint8Array.of(0x41, 0x0a));
  fake.dropConnections();
  await new Promise((r) => setTimeout(r, 50));
  await printer.print(Uint8Array.of(0x42, 0x0a)).catch(() => printer.print(Uint8Array.of(0x42, 0x0a)));
  await eventually('the second print at the printer', () => fake.printedBytes().at(-2) === 0x42);
  assert.ok(fake.connections >= 2);
  assert.equal([...fake.printedBytes()].slice(-2), [0x42, 0x0a]);
  await printer.stop();
  await fake.stop();
});

test('concurrent prints and status requests use one connection, in order', async () => {
  const { fake, printer } = await networkPrinter();
  await Promise.all([printer.print(Uint8Array.of(0x31, 0x0a)), printer.paperStatus(), printer.print(Uint8Array.of(0x32, 0x0a)), printer.print(Uint8Array.of(0x33, 0x0a))]);
  await eventually('all three prints at the printer', () => fake.printedBytes().length >= 6);
  assert.is(fake.maxConcurrent, 1);
  assert.equal([...fake.printedBytes()], [0x31, 0x0a, 0x32, 0x0a, 0x33, 0x0a]);
  await printer.stop();
  await fake.stop();
});

test.run();
