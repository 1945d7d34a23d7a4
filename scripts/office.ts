import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { clockEpoch } from '../broker/clock-anchor.ts';
import { loadOfficeConfig } from '../broker/config-file.ts';
import { officeZone } from '../shared/calendar/office-calendar.ts';
import { offsetClock } from '../shared/clock.ts';
import { formatAppointment } from '../shared/texts/booking-texts.ts';
import { adminRequest } from './lib/admin-client.ts';
import { provisionDevices, writeDeviceSettings } from './lib/provision.ts';
import { startServerProcess } from './lib/server-process.ts';
import { SimOffice } from './lib/sim-office.ts';
import { startInstant } from './lib/start-instant.ts';

/**
 * The whole office on this machine: the office server as its own process, started for simulation,
 * every device of the configuration as simulated hardware, and the virtual office page that shows
 * them all and presses their buttons through the broker.
 */
const env = process.env;
const dir = resolve(env.FRONTA_DATA_DIR ?? '.office');
const config = await loadOfficeConfig(env.FRONTA_CONFIG);

// Outside office hours every button would be dark; a newcomer sees more if the clock starts at the next opening.
const { at: startAt, moved } = startInstant(config, env.FRONTA_START_AT);
if (moved) {
  console.log(`The office is closed now; the clock starts at its next opening, ${formatAppointment(startAt, 'en')} office time (${officeZone}; set FRONTA_START_AT to choose).`);
}
// Run again on the same data with the same start, the clock goes on from where it was (clock-anchor.ts).
await mkdir(dir, { recursive: true });
const epoch = Number(await clockEpoch(join(dir, 'clock-anchor.json'), new Date(startAt).toISOString()));
const offsetMs = String(startAt - epoch);
if (offsetMs !== '0') console.log(`Office clock: real time ${Number(offsetMs) >= 0 ? '+' : ''}${offsetMs} ms (FRONTA_CLOCK_OFFSET_MS for other tools).`);
const clock = offsetClock(Number(offsetMs));

// Fresh secrets at every start: the addresses printed below carry them.
const provisioned = await provisionDevices(config, dir, 'mqtt://127.0.0.1:0', true);
const server = await startServerProcess(
  {
    FRONTA_DATA_DIR: dir,
    FRONTA_CREDENTIALS: provisioned.credentialsPath,
    FRONTA_MQTT_PORT: env.FRONTA_MQTT_PORT ?? '1883',
    FRONTA_HTTP_PORT: env.FRONTA_HTTP_PORT ?? '8080',
    FRONTA_CLOCK_OFFSET_MS: offsetMs,
    FRONTA_SIMULATION: '1',
    ...(env.FRONTA_CONFIG ? { FRONTA_CONFIG: env.FRONTA_CONFIG } : {}),
  },
  'inherit',
);
const devices = provisioned.devices.map((d) => ({ ...d, broker: `mqtt://127.0.0.1:${server.mqttPort}` }));
// The device files name the port the broker got, so a device started by hand (npm run device) finds it.
await writeDeviceSettings(dir, devices);
const office = new SimOffice(config, devices, clock, (m) => console.error(m), true);
await office.start();

const web = `http://localhost:${server.httpPort}`;
const staffLogin = await demoAdministrator(`http://127.0.0.1:${server.httpPort}`);
const virtualOffice = `${web}/virtual#key=${encodeURIComponent(provisioned.simulatorSecret!)}`;
const outbox = config.mail.transport.kind === 'outbox' ? resolve(dir, config.mail.transport.dir) : 'SMTP (office config)';
console.log(`
Virtual office (every kiosk, counter and the hall screen; click to press): ${virtualOffice}
Booking site: ${web}/   e-mails and SMS: ${outbox} (open the .html and .sms.txt files)
Live status: ${web}/status
Staff pages: ${web}/staff   ${staffLogin}
${devices
  .filter((d) => config.displays.some((x) => x.id === d.deviceId))
  .map((d) => `Hall screen ${d.deviceId}: ${web}/hall?display=${d.deviceId}#key=${encodeURIComponent(d.secret)}`)
  .join('\n')}
Switch booking off or on: npm run booking -- suspend --cs TEXT --en TEXT | resume
Office server: mqtt://127.0.0.1:${server.mqttPort}, ${web}/health, data in ${dir}
Stop with Ctrl+C.`);
openInBrowser(virtualOffice);

/**
 * An office administrator for the newcomer to log in with, made the way the first one is in an
 * office (the admin token, scripts/staff.ts); its password is kept beside the data so that later
 * starts can print it again.
 */
async function demoAdministrator(base: string): Promise<string> {
  const file = join(dir, 'staff-demo-password');
  const known = await readFile(file, 'utf8').catch(() => null);
  const password = known?.trim() ?? randomBytes(9).toString('base64url');
  const response = await adminRequest('POST', '/api/admin/staff', { username: 'spravce', name: 'Správce úřadu', role: 'admin', password }, { dataDir: dir, base });
  if (response.status === 201) await writeFile(file, `${password}\n`, { mode: 0o600 });
  else if (!known) return '(the account "spravce" exists from an earlier run; delete .office to start afresh)';
  return `user "spravce", password "${password}"`;
}

/** On a desktop, the newcomer's browser opens at the virtual office; elsewhere the address above is enough. */
function openInBrowser(url: string): void {
  if (env.FRONTA_NO_BROWSER || !(env.DISPLAY || env.WAYLAND_DISPLAY)) return;
  const opener = spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
  opener.on('error', () => {});
  opener.unref();
}

async function shutdown(): Promise<void> {
  await office.stop();
  await server.stop();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
// Started by a test over an IPC channel: when the test goes, however it goes, so does the office.
if (process.send) process.once('disconnect', () => void shutdown());
