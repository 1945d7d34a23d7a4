import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeEscpos } from '../../shared/escpos/decode.ts';
import { eventually } from '../support/eventually.ts';
import { collect, connectAs } from '../support/mqtt-client.ts';
import { kostelec, runOffice } from '../support/office-fixture.ts';

test('one press prints exactly one ticket, in Czech, with its status QR', async () => {
  const office = await runOffice({ withDevices: true });
  try {
    const kiosk = office.sim!.kiosk('kiosk-hala');
    await eventually('the passport button to light up', () => kiosk.buttons.lights.get(3));
    kiosk.buttons.press(3);
    await eventually('a ticket', () => kiosk.printer.printed.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    assert.is(kiosk.printer.printed.length, 1);
    const receipt = decodeEscpos(kiosk.printer.printed[0]!);
    const texts = receipt.lines.map((l) => l.text);
    assert.ok(texts.includes('C001'));
    assert.ok(texts.includes('Cestovní doklady'));
    assert.ok(texts.includes('Městský úřad Kostelec nad Orlicí'));
    assert.match(receipt.qrCodes[0]!, new RegExp(`^http://localhost:${office.server.httpPort}/t/[A-Za-z0-9_-]{22}$`), 'the address the server runs at');
    assert.equal(kiosk.lcd.lines.slice(0, 2), ['Lístek C001', 'vyčkejte na výzvu']);
  } finally {
    await office.stop();
  }
});

test('Next on a counter changes its retained state, its digits and the hall calls', async () => {
  const office = await runOffice({ withDevices: true });
  try {
    const kiosk = office.sim!.kiosk('kiosk-hala');
    const box = office.sim!.counter('prepazka-2');
    await eventually('the ID-card button to light up', () => kiosk.buttons.lights.get(2));
    kiosk.buttons.press(2);
    await eventually('a ticket', () => kiosk.printer.printed.length === 1);
    await eventually('the counter to see one waiting', () => box.digits.text === '----   1');
    box.buttons.press(1);
    await eventually('the counter digits to show A001', () => box.digits.text === 'A001   0');
    const hall = office.sim!.displays.get('obrazovka-hala')!;
    await eventually('the hall panel to show the call', () => hall.panel.lines.includes('A001 → 2'));
    // The corridor screen shows only transport and trade calls.
    assert.not.ok(office.sim!.displays.get('obrazovka-chodba')!.panel.lines.includes('A001 → 2'));

    // A late-joining screen gets the same state from the retained topics.
    const screen = await connectAs(office.devices.find((d) => d.deviceId === 'obrazovka-chodba')!);
    const states = await collect(screen, 'fronta/v1/counter/prepazka-2/state');
    const calls = await collect(screen, 'fronta/v1/hall/calls');
    await eventually('retained counter state', () => states.length > 0 && calls.length > 0);
    assert.is((states[0]!.payload as { current: { number: string } }).current.number, 'A001');
    assert.ok(states[0]!.retain);
    assert.is((calls[0]!.payload as { calls: { number: string; counterNumber: number }[] }).calls[0]!.counterNumber, 2);
    await screen.endAsync();
  } finally {
    await office.stop();
  }
});

test("at opening time a press asks the engine even while the kiosk still holds the closed status: the opening minute's status may be late, the citizen is not", async () => {
  const office = await runOffice({ withDevices: true, at: Date.parse('2026-11-30T07:59:00+01:00') });
  try {
    const kiosk = office.sim!.kiosk('kiosk-hala');
    await eventually('the kiosk ready', () => kiosk.lcd.lines[0] === 'Dobrý den,');
    kiosk.buttons.press(3);
    await eventually('closed before eight', () => kiosk.lcd.lines[0] === 'Služba je nyní');
    // The doors open; the engine's timer for the edge has not run yet, so no new status was sent.
    office.clock.set(Date.parse('2026-11-30T08:00:30+01:00'));
    kiosk.buttons.press(3);
    await eventually('a ticket', () => kiosk.printer.printed.length === 1);
    assert.is(decodeEscpos(kiosk.printer.printed[0]!).lines.find((l) => l.width === 4)?.text, 'C001');
  } finally {
    await office.stop();
  }
});

test('when the capacity is used up the buttons go dark, the LCD says so and nothing prints', async () => {
  const config = kostelec((c) => {
    c.workplaces[2]!.walkInCapacityPerDay = 1;
  });
  const office = await runOffice({ withDevices: true, config });
  try {
    const kiosk = office.sim!.kiosk('kiosk-chodba');
    await eventually('the vehicle button to light up', () => kiosk.buttons.lights.get(1));
    kiosk.buttons.press(1);
    await eventually('a ticket', () => kiosk.printer.printed.length === 1);
    await eventually('every transport button to go dark', () => [1, 2, 3].every((b) => kiosk.buttons.lights.get(b) === false));
    kiosk.buttons.press(2);
    await eventually('the capacity message', () => kiosk.lcd.lines[0] === 'Dnešní kapacita');
    assert.is(kiosk.printer.printed.length, 1);
  } finally {
    await office.stop();
  }
});

test('out of paper: the kiosk goes dark and says so the moment the printer tells, asks for no ticket, until paper is back', async () => {
  const office = await runOffice({ withDevices: true });
  try {
    const kiosk = office.sim!.kiosk('kiosk-hala');
    await eventually('the cash desk button to light up', () => kiosk.buttons.lights.get(1));
    kiosk.printer.paper = 'paperOut';
    // Nobody pressed anything and no paper check is due (they are 15 s apart): the printer told the kiosk.
    await eventually('the paper message before any press', () => kiosk.lcd.lines[0] === 'Došel papír' && [1, 2, 3, 4].every((b) => kiosk.buttons.lights.get(b) === false));
    kiosk.buttons.press(1);
    assert.is(office.server.engine.serviceStatuses().find((s) => s.serviceId === 'pokladna')!.waiting, 0);
    // It stays so, with every button dark, until there is paper again.
    assert.ok([1, 2, 3, 4].every((b) => kiosk.buttons.lights.get(b) === false));
    await new Promise((r) => setTimeout(r, 100));
    assert.is(kiosk.lcd.lines[0], 'Došel papír');
    kiosk.printer.paper = 'ok';
    kiosk.buttons.press(1);
    await eventually('a ticket once paper is back', () => kiosk.printer.printed.length === 1);
  } finally {
    await office.stop();
  }
});

test.run();
