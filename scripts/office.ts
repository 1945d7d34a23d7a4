import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { loadOfficeConfig } from '../broker/config-file.ts';
import { nextOpening, ticketWindow } from '../shared/calendar/office-calendar.ts';
import { offsetClock } from '../shared/clock.ts';
import { decodeEscpos, receiptText } from '../device/escpos/decode.ts';
import { counterButtons } from '../device/roles/counter-role.ts';
import { provisionDevices } from './lib/provision.ts';
import { startServerProcess } from './lib/server-process.ts';
import { SimOffice } from './lib/sim-office.ts';

/**
 * The whole office on this machine: the office server as its own process, every device of the
 * configuration as simulated hardware, and a small command line to press their buttons.
 */
const env = process.env;
const dir = resolve(env.FRONTA_DATA_DIR ?? '.office');
const config = await loadOfficeConfig(env.FRONTA_CONFIG);

// Outside office hours every button would be dark; a newcomer sees more if the clock starts at the next opening.
let startAt = env.FRONTA_START_AT ? Date.parse(env.FRONTA_START_AT) : Date.now();
if (!env.FRONTA_START_AT && !config.workplaces.some((w) => ticketWindow(config, w, startAt).open)) {
  startAt = nextOpening(config, startAt) ?? startAt;
  console.log(`The office is closed now; the clock starts at its next opening, ${new Date(startAt).toISOString()} (set FRONTA_START_AT to choose).`);
}
const offsetMs = String(startAt - Date.now());
if (offsetMs !== '0') console.log(`Office clock: real time ${Number(offsetMs) >= 0 ? '+' : ''}${offsetMs} ms (FRONTA_CLOCK_OFFSET_MS for other tools).`);
const clock = offsetClock(Number(offsetMs));

const mqttPort = env.FRONTA_MQTT_PORT ?? '1883';
const provisioned = await provisionDevices(config, dir, `mqtt://127.0.0.1:${mqttPort}`);
const server = await startServerProcess(
  {
    FRONTA_DATA_DIR: dir,
    FRONTA_CREDENTIALS: provisioned.credentialsPath,
    FRONTA_MQTT_PORT: mqttPort,
    FRONTA_HTTP_PORT: env.FRONTA_HTTP_PORT ?? '8080',
    FRONTA_CLOCK_OFFSET_MS: offsetMs,
    ...(env.FRONTA_CONFIG ? { FRONTA_CONFIG: env.FRONTA_CONFIG } : {}),
  },
  'inherit',
);
const office = new SimOffice(config, provisioned.devices, clock, (m) => console.error(m));
await office.start();

const byKiosk = (name: string) => [...office.kiosks.entries()].find(([id]) => id === name || id.endsWith(`-${name}`))?.[1];
const byCounter = (name: string) => office.counters.get(config.counters.find((c) => String(c.number) === name || c.id === name)?.id ?? '');
const actionButtons = Object.fromEntries(Object.entries(counterButtons).map(([button, action]) => [action === 'pauseToggle' ? 'pause' : action.toLowerCase(), Number(button)]));

function show(): void {
  for (const [id, k] of office.kiosks) {
    const lights = [...k.buttons.lights].map(([b, on]) => `${b}:${on ? 'lit' : 'dark'}`).join(' ');
    console.log(`${id}  buttons ${lights}\n  | ${k.lcd.lines.join('\n  | ')}`);
  }
  for (const c of config.counters) console.log(`přepážka ${c.number} (${c.id})  [${byCounter(String(c.number))!.digits.text}]`);
  for (const [id, d] of office.displays) console.log(`${id}\n  | ${d.panel.lines.filter(Boolean).join('\n  | ')}`);
}

const help = `
Office server: mqtt://127.0.0.1:${server.mqttPort}, http://127.0.0.1:${server.httpPort}/health, data in ${dir}
Booking site: ${config.office.publicBaseUrl}/   (its e-mails land in ${resolve(dir, config.mail.transport.kind === 'outbox' ? config.mail.transport.dir : '')}: open the .html files)
Switch booking off or on: npm run booking -- suspend --cs TEXT --en TEXT | resume
${provisioned.devices.filter((d) => config.displays.some((x) => x.id === d.deviceId)).map((d) => `Hall screen: http://localhost:${server.httpPort}/hall?display=${d.deviceId}#key=${encodeURIComponent(d.secret)}`).join('\n')}
Kiosks: ${config.kiosks.map((k) => `${k.id} (${k.buttons.map((b) => `${b.button}=${b.serviceId}`).join(', ')})`).join('; ')}
Commands:
  press <kiosk> <button>     press a service button, e.g. "press hala 2"
  code <kiosk> <digits>      type a booking code on the keypad and Enter
  next|recall|noshow|done|pause <counter number>    a clerk's button, e.g. "next 2"
  ticket <kiosk>             the kiosk's last ticket, decoded from its ESC/POS bytes
  show                       every LCD, button light, LED digits and hall panel
  help, quit`;
console.log(help);

const withKiosk = (name: string | undefined, act: (kiosk: NonNullable<ReturnType<typeof byKiosk>>) => void) => {
  const kiosk = byKiosk(name ?? '');
  if (kiosk) act(kiosk);
  else console.log(`no kiosk "${name ?? ''}"`);
};
const commands: Record<string, (args: string[]) => void | Promise<void>> = {
  press: ([k, b]) => withKiosk(k, (kiosk) => kiosk.buttons.press(Number(b))),
  code: ([k, digits]) => withKiosk(k, (kiosk) => kiosk.keypad.type([...(digits ?? '').split(''), 'enter'] as never)),
  ticket: ([k]) =>
    withKiosk(k, (kiosk) => {
      const last = kiosk.printer.printed.at(-1);
      console.log(last ? receiptText(decodeEscpos(last)) : 'nothing printed yet');
    }),
  show,
  help: () => console.log(help),
  quit: () => void shutdown(),
};
for (const [name, button] of Object.entries(actionButtons)) {
  commands[name] = ([n]) => {
    const counter = byCounter(n ?? '');
    if (counter) counter.buttons.press(button);
    else console.log(`no counter "${n ?? ''}"`);
  };
}

async function shutdown(): Promise<void> {
  await office.stop();
  await server.stop();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

const input = createInterface({ input: process.stdin, prompt: 'fronta> ' });
input.prompt();
input.on('line', async (line) => {
  const [name, ...args] = line.trim().split(/\s+/);
  const command = commands[(name ?? '').toLowerCase()];
  if (command) await command(args);
  else if (name) console.log(`unknown command "${name}"; type help`);
  // Give the round trip through the broker a moment before the prompt returns.
  setTimeout(() => input.prompt(), 150);
});
// Without a terminal (a service manager, CI) the office keeps running until it is stopped.
input.on('close', () => {
  if (process.stdin.isTTY) void shutdown();
});
