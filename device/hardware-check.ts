import { connectAsync } from 'mqtt';
import { topic } from '../shared/contract/topics.ts';
import { driverFactory } from './drivers/factory.ts';
import { listGpioChips } from './drivers/gpio/gpio-chip.ts';
import { type HidApi, keyboardInterfaces } from './drivers/keypad/hid-keypad.ts';
import { brokerTls, type LocalSettings } from './local-settings.ts';

export interface CheckResult {
  part: string;
  ok: boolean;
  detail: string;
}
type Check = (settings: LocalSettings) => Promise<CheckResult>;

function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  const timeout = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms).unref();
  });
  return Promise.race([work, timeout]);
}
const parts = (s: LocalSettings) => s.hardware;
const failed = (part: string, error: unknown): CheckResult => ({ part, ok: false, detail: error instanceof Error ? error.message : String(error) });

/** What a technician needs to know on a new Pi, each check on its own, none able to hang the rest. */
const checks: Check[] = [
  async () => {
    const chips = await listGpioChips();
    if (chips.length === 0) return { part: 'gpio', ok: true, detail: 'no GPIO chips in /sys/class/gpio (not a Pi, or sysfs GPIO disabled)' };
    return { part: 'gpio', ok: true, detail: chips.map((c) => `${c.name} "${c.label}" base ${c.base}, ${c.lines} lines`).join('; ') };
  },
  async () => {
    try {
      const hid = (await import('node-hid')) as unknown as HidApi;
      const keypads = keyboardInterfaces(hid.devices());
      return {
        part: 'keypad',
        ok: true,
        detail: keypads.length ? keypads.map((k) => `${k.path} ${k.vendorId.toString(16)}:${k.productId.toString(16)} ${k.product ?? ''}`).join('; ') : 'no USB keyboard interface found',
      };
    } catch (error) {
      return failed('keypad', `node-hid does not load (is libusb-1.0-0 installed?): ${error instanceof Error ? error.message : error}`);
    }
  },
  async (s) => {
    if (!parts(s).printer || parts(s).printer?.kind === 'sim') return { part: 'printer', ok: true, detail: 'simulated' };
    try {
      const { printer } = await driverFactory(s.hardware).create('kiosk');
      const status = await within(5000, printer.paperStatus(), 'printer');
      await printer.stop();
      return { part: 'printer', ok: status !== 'offline', detail: `paper ${status}` };
    } catch (error) {
      return failed('printer', error);
    }
  },
  async (s) => {
    const lcd = parts(s).lcd;
    if (!lcd || lcd.kind === 'sim') return { part: 'lcd', ok: true, detail: 'simulated' };
    try {
      const { lcd: display } = await driverFactory(s.hardware).create('kiosk');
      await within(12_000, display.start(), 'LCD board');
      display.show(['Kontrola displeje', 'ěščřžýáíéůú', 'Display check', s.deviceId]);
      return { part: 'lcd', ok: true, detail: `${display.rows}x${display.columns} on ${lcd.port}: check the screen shows Czech letters` };
    } catch (error) {
      return failed('lcd', error);
    }
  },
  async (s) => {
    try {
      const client = await within(
        5000,
        connectAsync(s.broker, { ...brokerTls(s), clientId: `${s.deviceId}~check`, username: s.deviceId, password: s.secret, protocolVersion: 4, reconnectPeriod: 0 }),
        'broker',
      );
      const config = new Promise<string>((resolve) => client.on('message', (_t, payload) => resolve((JSON.parse(payload.toString()) as { role: string }).role)));
      await client.subscribeAsync(topic('deviceConfig', s.deviceId), { qos: 1 });
      const role = await within(3000, config, 'device configuration');
      await client.endAsync();
      return { part: 'broker', ok: true, detail: `${s.broker}: logged in as ${s.deviceId}, configured as ${role}` };
    } catch (error) {
      return failed('broker', error);
    }
  },
];

export async function checkHardware(settings: LocalSettings): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await check(settings).catch((error: unknown) => failed('check', error)));
  return results;
}
