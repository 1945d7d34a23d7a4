import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeEscpos } from '../../shared/escpos/decode.ts';
import { ticketBytes } from './ticket-layout.ts';

const printout = {
  ticket: {
    number: 'F014',
    serviceId: 'zivnosti',
    issuedAt: Date.parse('2026-11-24T08:05:00+01:00'),
    waitingAhead: 3,
    estimatedWaitMinutes: 22,
    statusUrl: 'https://fronta.example.cz/t/Qx7-token',
  },
  officeName: { cs: 'Městský úřad Kostelec nad Orlicí', en: 'Municipal Office of Kostelec nad Orlicí' },
  serviceName: { cs: 'Živnostenský rejstřík', en: 'Trade register' },
};

test('a ticket starts by resetting the printer and selecting code page PC852', () => {
  const bytes = ticketBytes(printout);
  assert.equal(
    [...bytes.subarray(0, 5)],
    [
      0x1b,
      0x40, // ESC @: initialise the printer
      0x1b,
      0x74,
      0x12, // ESC t 18: code page PC852 (Latin 2)
    ],
  );
});

test('Czech diacritics are sent as PC852 bytes, not UTF-8', () => {
  const bytes = Buffer.from(ticketBytes(printout));
  // "Živnostenský" in PC852: Ž = 0xA6, ý = 0xEC.
  assert.ok(bytes.includes(Buffer.from([0xa6, 0x69, 0x76, 0x6e, 0x6f, 0x73, 0x74, 0x65, 0x6e, 0x73, 0x6b, 0xec])));
  // No UTF-8 "Ž" (0xC5 0xBD) anywhere.
  assert.not.ok(bytes.includes(Buffer.from([0xc5, 0xbd])));
});

test('a name typed with typographic dashes and quotes or a euro sign prints in their plain form, never as "?"', () => {
  const receipt = decodeEscpos(ticketBytes({ ...printout, serviceName: { cs: 'Pokladna – „poplatky“ v €', en: 'Cash desk – fees' } }));
  const texts = receipt.lines.map((l) => l.text);
  assert.ok(texts.includes('Pokladna - "poplatky" v EUR'), texts.join('\n'));
  assert.ok(texts.includes('Cash desk - fees'));
  assert.not.ok(texts.some((t) => t.includes('?')));
});

test("the QR code uses Epson's GS ( k function, model 2, and stores the status address", () => {
  const bytes = Buffer.from(ticketBytes(printout));
  const model = Buffer.from([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]); // GS ( k, 4 bytes follow, cn 49, fn 65: model 2
  const store = Buffer.from([0x1d, 0x28, 0x6b, printout.ticket.statusUrl.length + 3, 0x00, 0x31, 0x50, 0x30]); // fn 80 m 48: store data
  const print = Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]); // fn 81: print the symbol
  assert.ok(bytes.includes(model));
  assert.ok(bytes.includes(Buffer.concat([store, Buffer.from(printout.ticket.statusUrl)])));
  assert.ok(bytes.indexOf(print) > bytes.indexOf(store));
});

test('decoded, the ticket reads back: big bold number, Czech name, date, people ahead, wait, QR, cut', () => {
  const receipt = decodeEscpos(ticketBytes(printout));
  const number = receipt.lines.find((l) => l.text === 'F014');
  assert.equal(number && [number.width, number.height, number.bold, number.align], [4, 4, true, 'center']);
  const texts = receipt.lines.map((l) => l.text);
  for (const expected of [
    'Městský úřad Kostelec nad Orlicí',
    'Živnostenský rejstřík',
    'Trade register',
    '24. 11. 2026 8:05',
    'Před vámi čekají 3 osoby',
    '3 people ahead of you',
    'Odhad čekání: 22 minut',
    'Estimated wait: 22 minutes',
  ]) {
    assert.ok(texts.includes(expected), `missing "${expected}" in:\n${texts.join('\n')}`);
  }
  assert.equal(receipt.qrCodes, [printout.ticket.statusUrl]);
  assert.is(receipt.cuts, 1);
  assert.is(receipt.codePage, 18);
});

test('Czech plural forms on paper: 1 osoba, 2 osoby, 5 osob; 1 minuta, 3 minuty', () => {
  const lines = (ahead: number, wait: number | null) =>
    decodeEscpos(ticketBytes({ ...printout, ticket: { ...printout.ticket, waitingAhead: ahead, estimatedWaitMinutes: wait } })).lines.map((l) => l.text);
  assert.ok(lines(1, 1).includes('Před vámi čeká 1 osoba'));
  assert.ok(lines(1, 1).includes('Odhad čekání: 1 minuta'));
  assert.ok(lines(2, 3).includes('Před vámi čekají 2 osoby'));
  assert.ok(lines(2, 3).includes('Odhad čekání: 3 minuty'));
  assert.ok(lines(5, null).includes('Před vámi čeká 5 osob'));
  assert.ok(lines(5, null).includes('Čekací dobu nelze odhadnout'));
  assert.ok(lines(0, 0).includes('Před vámi nikdo nečeká'));
});

test.run();
