import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../test/support/temp-dir.ts';
import { editHardware } from './hardware-edit.ts';

const access = { broker: 'mqtt://10.0.0.2:1883', deviceId: 'kiosk-patro', secret: 'a-secret-of-the-enrolment-0123' };

test('the hardware part is taken from an example device and changed where this one differs; the access is kept; a wrong value writes nothing', async () => {
  const dir = await tempDir();
  const path = join(dir.path, 'device.json');
  try {
    await writeFile(path, JSON.stringify({ ...access, hardware: {} }));
    const hardware = (await editHardware(path, ['--like', 'kiosk-hala', 'printer.host=10.0.0.22', 'buttons.pins.0.input=18'])) as Record<string, any>;
    assert.equal(hardware.printer, { kind: 'network', host: '10.0.0.22', port: 9100 });
    assert.equal(hardware.buttons.pins[0], { button: 1, input: 18, light: 5 });
    const written = JSON.parse(await readFile(path, 'utf8'));
    assert.equal({ ...written, hardware: undefined }, { ...access, hardware: undefined });
    assert.equal(written.hardware, hardware);

    const before = await readFile(path, 'utf8');
    await editHardware(path, ['printer.kind=laser']).then(
      () => assert.unreachable('a printer kind the schema does not know is refused'),
      (error: Error) => assert.match(error.message, 'not written'),
    );
    assert.is(await readFile(path, 'utf8'), before);
  } finally {
    await dir.remove();
  }
});

test.run();
