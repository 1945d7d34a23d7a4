import { simDriverFactory } from '../../device/drivers/factory.ts';
import type { SimButtons } from '../../device/drivers/sim/sim-buttons.ts';
import type { SimDigits } from '../../device/drivers/sim/sim-digits.ts';
import type { SimPrinter } from '../../device/drivers/sim/sim-printer.ts';
import { readLocalSettings } from '../../device/local-settings.ts';
import { DeviceRuntime } from '../../device/runtime.ts';
import { offsetClock } from '../../shared/clock.ts';

/**
 * One device process as on a Pi (the runtime with simulated hardware), for the footprint benchmark:
 * prints {"ready"} once configured and online, then `uses` presses of its first button as fast as
 * the round trips allow, then {"rss"} with its resident memory.
 */
const [path, uses] = [process.argv[2]!, Number(process.argv[3] ?? 3600)];
const runtime = new DeviceRuntime(await readLocalSettings(path), simDriverFactory, offsetClock(Number(process.env.FRONTA_CLOCK_OFFSET_MS ?? 0)));
const configured = new Promise<string>((resolve) => runtime.onConfigured((config) => resolve(config.role)));
await runtime.start();
const role = await configured;
while (!runtime.online) await new Promise((r) => setTimeout(r, 5));
globalThis.gc?.();
console.log(JSON.stringify({ ready: true, role, rssAtReady: process.memoryUsage().rss }));

if (role === 'kiosk') {
  const { buttons, printer } = (await runtime.driversOf('kiosk')) as unknown as { buttons: SimButtons; printer: SimPrinter };
  for (let k = 0; k < uses; k++) {
    const printed = new Promise<void>((resolve) => printer.onPrint(() => resolve()));
    buttons.press(1 + (k % 2));
    await printed;
    // The printed ticket's bytes are the real printer's business; the simulation should not hoard them.
    printer.printed.length = 0;
    await new Promise((r) => setTimeout(r, 1));
  }
} else {
  const { buttons, digits } = (await runtime.driversOf('counter')) as unknown as { buttons: SimButtons; digits: SimDigits };
  for (let k = 0; k < uses; k++) {
    buttons.press(k % 3 === 2 ? 4 : 1);
    const before = digits.text;
    const deadline = Date.now() + 200;
    while (digits.text === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  }
}
globalThis.gc?.();
console.log(JSON.stringify({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed }));
await runtime.stop();
process.exit(0);
