import mqtt, { type MqttClient } from 'mqtt';
import type pg from 'pg';
import { hubCheckInFilter, hubCheckInSchema } from '../../shared/contract/hub.ts';
import type { Logger } from '../log.ts';

/**
 * The hub's side of the offices' line: one persistent session on the hub's broker, subscribed to
 * every office's check-ins with QoS 1. Each message is checked against its schema and stored with
 * INSERT … ON CONFLICT DO NOTHING before it is acknowledged (customHandleAcks), so a message
 * redelivered, or reported twice by an office, is recorded once, and one the hub died before
 * storing comes again.
 */
export class HubIntake {
  private client: MqttClient | undefined;

  constructor(private readonly deps: { url: string; password: string; pool: pg.Pool; log: Logger }) {}

  async start(): Promise<void> {
    const { url, password, pool, log } = this.deps;
    this.client = await mqtt.connectAsync(url, {
      clientId: 'fronta-hub',
      username: 'hub',
      password,
      clean: false,
      protocolVersion: 5,
      properties: { sessionExpiryInterval: 7 * 86_400 },
      reconnectPeriod: 1000,
      customHandleAcks: (topic, message, _packet, done) => {
        const officeId = topic.split('/')[2]!;
        const parsed = hubCheckInSchema.safeParse(parseJson(message.toString('utf8')));
        if (!parsed.success) {
          log.warn('invalid check-in from an office, dropped', { officeId });
          done(0);
          return;
        }
        const { bookingId, ticketNumber, checkedInAt } = parsed.data;
        pool
          .query('INSERT INTO hub_checkins (office_id, booking_id, ticket_number, checked_in_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [officeId, bookingId, ticketNumber, checkedInAt])
          .then(
            () => done(0),
            (error: Error) => {
              // Not acknowledged: the broker delivers it again on the next session.
              log.error('check-in not stored', { officeId, error: error.message });
              done(error);
            },
          );
      },
    });
    await this.client.subscribeAsync(hubCheckInFilter, { qos: 1 });
  }

  async stop(): Promise<void> {
    await this.client?.endAsync();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
