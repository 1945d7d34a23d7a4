import type { MqttClient } from 'mqtt';
import type { KioskReply } from '../../shared/contract/kiosk.ts';
import { connectAsDevice } from '../lib/device-client.ts';
import { SimOffice } from '../lib/sim-office.ts';
import { BookingLoad } from './booking-load.ts';
import type { FaultOffice } from './fault-office.ts';

export interface KillNineReport {
  rounds: number;
  acknowledged: number;
  lost: string[];
  repeated: string[];
  devicesRecovered: boolean;
  bookingsConfirmed: number;
  /** Rounds in which a booking was confirmed before the kill (all of them, until the places run out). */
  roundsWithBookings: number;
  bookingsLost: string[];
  /** Confirmed bookings whose code e-mail never went out. */
  codeMailsMissing: string[];
  overbooked: string[];
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds; after two minutes (or `withinMs`) without it the run fails, naming what never happened. */
async function progress(what: string, check: () => Promise<boolean>, withinMs = 120_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`fault run did not exercise the server: no ${what}`);
    await pause(20);
  }
}

/**
 * kill -9 of the office server at a random moment while both kiosks press as fast as they can and
 * citizens book the last places online, `rounds` times. After each restart every acknowledged
 * ticket must come back, to the same request id, with the same number; no two requests may share
 * a number; every confirmed booking must still answer to its code and have had its code mailed; no place may be taken twice;
 * the simulated devices, which are connected all along, must be back to "ready" by themselves.
 */
export async function killNine(office: FaultOffice, dataDir: string, rounds: number, random: () => number = Math.random): Promise<KillNineReport> {
  const bookings = new BookingLoad(dataDir, () => `http://127.0.0.1:${office.server.httpPort}`);
  const sim = new SimOffice(
    office.config,
    office.devices.filter((d) => d.deviceId.startsWith('prepazka') || d.deviceId === 'kiosk-chodba'),
    office.clock,
  );
  await sim.start();
  const kiosk = office.devices.find((d) => d.deviceId === 'kiosk-hala')!;
  const acknowledged = new Map<string, string>();
  let sequence = 0;
  const services = ['pokladna', 'obcanky', 'pasy', 'evidence'];
  let ticketsBefore = 0;
  let bookingsBefore = 0;
  let roundsWithBookings = 0;
  // Citizens keep booking throughout, through every kill and restart, as they would.
  bookings.start();
  try {
    for (let round = 0; round < rounds; round++) {
      const client: MqttClient = await connectAsDevice(kiosk, 'load');
      client.on('error', () => {});
      client.on('message', (_topic, payload) => {
        const reply = JSON.parse(payload.toString()) as KioskReply;
        if (reply.ok) acknowledged.set(reply.requestId, reply.data.ticket.number);
      });
      await client.subscribeAsync(`fronta/v1/kiosk/${kiosk.deviceId}/reply`, { qos: 1 });
      let running = true;
      const load = (async () => {
        while (running && client.connected) {
          const requestId = `kill9-${sequence++}`;
          client.publish(`fronta/v1/kiosk/${kiosk.deviceId}/request`, JSON.stringify({ kind: 'walkIn', requestId, pressedAt: office.clock.now(), serviceId: services[sequence % services.length] }), {
            qos: 1,
          });
          await pause(1);
        }
      })();
      await pause(30 + random() * 300);
      // A round proves something only if it did something: tickets acknowledged, and a booking
      // confirmed since the last kill while places are left. Waited for, not timed: a slow
      // machine takes longer, it does not pass without having exercised the server.
      await progress(
        `round ${round + 1}: a ticket acknowledged and a booking confirmed since the last kill`,
        async () => acknowledged.size > ticketsBefore && (bookings.confirmed.length > bookingsBefore || (await bookings.placesLeft()) === 0),
      );
      if (bookings.confirmed.length > bookingsBefore) roundsWithBookings += 1;
      ticketsBefore = acknowledged.size;
      bookingsBefore = bookings.confirmed.length;
      office.server.child.kill('SIGKILL');
      running = false;
      await load;
      client.end(true);
      await office.restart();
    }
    await bookings.stop();
    // Every request ever acknowledged, asked again: the same number, or it was lost.
    const client = await connectAsDevice(kiosk, 'check');
    const answers = new Map<string, string>();
    client.on('message', (_topic, payload) => {
      const reply = JSON.parse(payload.toString()) as KioskReply;
      answers.set(reply.requestId, reply.ok ? reply.data.ticket.number : reply.error.code);
    });
    await client.subscribeAsync(`fronta/v1/kiosk/${kiosk.deviceId}/reply`, { qos: 1 });
    // Stale by now, so an id the server never stored is refused rather than issued anew.
    for (const requestId of acknowledged.keys())
      client.publish(`fronta/v1/kiosk/${kiosk.deviceId}/request`, JSON.stringify({ kind: 'walkIn', requestId, pressedAt: office.clock.now() - 60_000, serviceId: 'pasy' }), { qos: 1 });
    const deadline = Date.now() + 10_000;
    while (answers.size < acknowledged.size && Date.now() < deadline) await pause(20);
    await client.endAsync();
    const lost = [...acknowledged].filter(([id, number]) => answers.get(id) !== number).map(([id, number]) => `${id}=${number}→${answers.get(id)}`);
    const byNumber = new Map<string, string[]>();
    for (const [id, number] of acknowledged) byNumber.set(number, [...(byNumber.get(number) ?? []), id]);
    const repeated = [...byNumber].filter(([, ids]) => ids.length > 1).map(([number, ids]) => `${number}: ${ids.join(', ')}`);
    const hala = sim.kiosks.get('kiosk-chodba')!;
    const boxes = [...sim.counters.values()];
    let devicesRecovered = false;
    while (!devicesRecovered && Date.now() < deadline + 5000) {
      devicesRecovered = hala.lcd.lines[0] === 'Dobrý den,' && boxes.every((b) => !b.digits.text.startsWith('--------'));
      if (!devicesRecovered) await pause(50);
    }
    return {
      rounds,
      acknowledged: acknowledged.size,
      lost,
      repeated,
      devicesRecovered,
      bookingsConfirmed: bookings.confirmed.length,
      roundsWithBookings,
      bookingsLost: await bookings.lost(),
      // Mails queued before a kill go out after the restart: waited for, within the same deadline.
      codeMailsMissing: await progress('code mail for every confirmed booking', async () => (await bookings.codeMailsMissing()).length === 0).then(
        () => [],
        () => bookings.codeMailsMissing(),
      ),
      overbooked: await bookings.overbooked(office.config, office.clock.now()),
    };
  } finally {
    await bookings.stop();
    await sim.stop();
  }
}
