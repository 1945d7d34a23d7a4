import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../../../test/support/temp-dir.ts';
import { buttonsContract } from '../buttons-contract.ts';
import { SimButtons } from '../sim/sim-buttons.ts';
import { headerChip } from './gpio-chip.ts';
import { OnoffButtons, type OnoffGpio, type OnoffGpioClass } from './onoff-buttons.ts';

/** A sysfs GPIO tree as a Pi 5 on kernel 6.6 shows it: the header's chip is not at base 0. */
async function fakeSysfs(chips: { name: string; label: string; base: number; ngpio: number }[]) {
  const dir = await tempDir();
  for (const c of chips) {
    await mkdir(join(dir.path, c.name));
    await writeFile(join(dir.path, c.name, 'label'), `${c.label}\n`);
    await writeFile(join(dir.path, c.name, 'base'), `${c.base}\n`);
    await writeFile(join(dir.path, c.name, 'ngpio'), `${c.ngpio}\n`);
  }
  return dir;
}
const pi5 = [
  { name: 'gpiochip512', label: 'gpio-brcmstb@107d508500', base: 512, ngpio: 32 },
  { name: 'gpiochip571', label: 'pinctrl-rp1', base: 571, ngpio: 54 },
];

test('the header chip and its base are found at run time, not assumed', async () => {
  const sysfs = await fakeSysfs(pi5);
  assert.equal(await headerChip(sysfs.path), { name: 'gpiochip571', label: 'pinctrl-rp1', base: 571, lines: 54 });
  assert.is((await headerChip(sysfs.path, 'gpio-brcmstb@107d508500')).base, 512);
  await sysfs.remove();
});

test('without a header chip the error names what was found', async () => {
  const sysfs = await fakeSysfs([pi5[0]!]);
  const message = await headerChip(sysfs.path).then(
    () => '',
    (e: Error) => e.message,
  );
  assert.match(message, 'gpiochip512 "gpio-brcmstb@107d508500" base 512');
  await sysfs.remove();
});

buttonsContract('SimButtons', async () => {
  const buttons = new SimButtons();
  return { buttons, press: (b) => buttons.press(b), light: (b) => buttons.lights.get(b) };
});

/** onoff's Gpio, recording what was exported and letting the test drive edges. */
function fakeOnoff() {
  const lines = new Map<number, { direction: string; edge?: string; options?: object; value: number; watcher?: (e: Error | null, v: number) => void; exported: boolean }>();
  const Gpio = class implements OnoffGpio {
    constructor(
      private readonly gpio: number,
      direction: 'in' | 'out',
      edge?: string,
      options?: object,
    ) {
      lines.set(gpio, { direction, edge, options, value: 0, exported: true });
    }
    watch(cb: (e: Error | null | undefined, v: number) => void) {
      lines.get(this.gpio)!.watcher = cb as never;
    }
    writeSync(value: 0 | 1) {
      lines.get(this.gpio)!.value = value;
    }
    unexport() {
      const line = lines.get(this.gpio)!;
      line.exported = false;
      delete line.watcher;
    }
  } as unknown as OnoffGpioClass;
  return { Gpio, lines };
}

const wiring = {
  debounceMs: 30,
  pins: [
    { button: 1, input: 17, light: 27 },
    { button: 2, input: 22, light: 23 },
  ],
};

buttonsContract('OnoffButtons', async () => {
  const sysfs = await fakeSysfs(pi5);
  const { Gpio, lines } = fakeOnoff();
  const buttons = new OnoffButtons(wiring, async () => Gpio, sysfs.path);
  const inputOf = (b: number) => 571 + wiring.pins.find((p) => p.button === b)!.input;
  const lightOf = (b: number) => 571 + wiring.pins.find((p) => p.button === b)!.light;
  return {
    buttons,
    press: (b) => lines.get(inputOf(b))?.watcher?.(null, 1),
    light: (b) => (lines.get(lightOf(b))?.value ?? 0) === 1,
    cleanup: sysfs.remove,
  };
});

test('buttons are inputs at base + BCM number, debounced, active low, on the rising edge; lights are outputs; stop unexports all', async () => {
  const sysfs = await fakeSysfs(pi5);
  const { Gpio, lines } = fakeOnoff();
  const buttons = new OnoffButtons(wiring, async () => Gpio, sysfs.path);
  await buttons.start();
  assert.equal(lines.get(588), { direction: 'in', edge: 'rising', options: { debounceTimeout: 30, activeLow: true }, value: 0, watcher: lines.get(588)!.watcher, exported: true });
  assert.is(lines.get(598)!.direction, 'out');
  await buttons.stop();
  assert.ok([...lines.values()].every((l) => !l.exported));
  await sysfs.remove();
});

test.run();
