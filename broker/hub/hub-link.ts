import mqtt, { type MqttClient } from 'mqtt';
import type pg from 'pg';
import { type HubReport, hubBookingsTopic, hubConfigTopic, hubReportSchema, hubReportsFilter, parseHubMessage } from '../../shared/contract/hub.ts';
import type { Logger } from '../log.ts';
import { officesRefreshMs } from './hub-offices.ts';
import { resendToOffice } from './hub-resync.ts';
import { cancelFromOffice } from './office-cancellation.ts';

interface FeedRow {
  office_id: string;
  booking_id: string;
  version: string;
  booking: unknown;
}

/** The feed is read again this often, and at once after the broker took a message. */
const feedEveryMs = 500;

/**
 * A report, once: the same one again changes nothing (a finished day sent again is the same day, a
 * resync sends the same bookings). A check-in and a no-show also set the hub's booking, in the same
 * statement, so a resync or a look at it later tells the truth; the office has it already, so no copy
 * goes back. A no-show leaves a booking the hub has moved since to a later time as it is.
 */
async function store(pool: pg.Pool, officeId: string, report: HubReport): Promise<void> {
  if (report.kind === 'checkIn')
    await pool.query(
      `WITH booking AS (
         UPDATE hub_bookings SET status = 'checkedIn', record = record || jsonb_build_object('status', 'checkedIn', 'ticketNumber', $3::text, 'checkedInAt', $4::bigint)
          WHERE id = $2 AND office_id = $1 AND status IN ('confirmed', 'lapsed'))
       INSERT INTO hub_checkins (office_id, booking_id, ticket_number, checked_in_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [officeId, report.bookingId, report.ticketNumber, report.checkedInAt],
    );
  else if (report.kind === 'noShow')
    await pool.query(
      `WITH booking AS (
         UPDATE hub_bookings SET status = 'lapsed', record = record || '{"status": "lapsed"}'::jsonb
          WHERE id = $2 AND office_id = $1 AND status = 'confirmed' AND starts_at < $3)
       INSERT INTO hub_no_shows (office_id, booking_id, lapsed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [officeId, report.bookingId, report.lapsedAt],
    );
  else if (report.kind === 'resync') await resendToOffice(pool, officeId, report.from);
  else if (report.kind === 'cancelled') await cancelFromOffice(pool, officeId, report);
  else if (report.kind === 'officeBooking')
    await pool.query(
      `INSERT INTO hub_office_bookings (office_id, booking_id, service_id, day, starts_at, status, online) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (office_id, booking_id) DO UPDATE SET service_id = EXCLUDED.service_id, day = EXCLUDED.day, starts_at = EXCLUDED.starts_at, status = EXCLUDED.status, online = EXCLUDED.online`,
      [officeId, report.bookingId, report.serviceId, report.day, report.startsAt, report.status, report.online],
    );
  else
    await pool.query('INSERT INTO hub_office_days (office_id, day, cells) VALUES ($1, $2, $3) ON CONFLICT (office_id, day) DO UPDATE SET cells = EXCLUDED.cells', [
      officeId,
      report.day,
      JSON.stringify(report.cells),
    ]);
}

/**
 * The hub's side of the offices' line: one persistent session on the hub's broker (one process
 * runs it). Inbound, every office's reports with QoS 1 (check-ins, no-shows, finished days): each is
 * checked against its schema and stored with INSERT … ON CONFLICT before it is acknowledged (customHandleAcks), so a
 * message redelivered, or reported twice by an office, is recorded once, and one the hub died
 * before storing comes again. Outbound, the bookings' changes each office must copy
 * (`hub_office_feed`, written in the booking's own transaction): published with QoS 1, and taken
 * off the feed only once the broker has acknowledged that version; the broker keeps them for an
 * office whose line is down. Each office's configuration (`hub_offices`) goes out retained whenever
 * it changed, read again as often as the booking processes read it.
 */
export class HubLink {
  private client: MqttClient | undefined;
  private feedTimer: NodeJS.Timeout | undefined;
  private configTimer: NodeJS.Timeout | undefined;
  /** Each office's configuration message as the broker last took it. */
  private readonly configsSent = new Map<string, string>();
  private sendingConfigs = false;
  private readonly inFlight = new Set<string>();
  private reading = false;

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
        const parsed = parseHubMessage(hubReportSchema, message);
        if (!parsed.success) {
          log.warn('invalid report from an office, dropped', { officeId });
          done(0);
          return;
        }
        store(pool, officeId, parsed.data).then(
          () => done(0),
          (error: Error) => {
            // Not acknowledged (an error PUBACK would end its delivery): the line is dropped, and the
            // session resumed a second later gets it again.
            log.error('report not stored', { officeId, error: error.message });
            done(error);
            this.client?.stream.destroy();
          },
        );
      },
    });
    await this.client.subscribeAsync(hubReportsFilter, { qos: 1 });
    this.feedTimer = setInterval(() => this.publishFeed(), feedEveryMs);
    this.publishFeed();
    this.configTimer = setInterval(() => void this.publishConfigs(), officesRefreshMs);
    await this.publishConfigs();
  }

  async stop(): Promise<void> {
    clearInterval(this.feedTimer);
    clearInterval(this.configTimer);
    await this.client?.endAsync();
  }

  private async publishConfigs(): Promise<void> {
    const client = this.client;
    if (!client?.connected || this.sendingConfigs) return;
    this.sendingConfigs = true;
    try {
      const { rows } = await this.deps.pool.query<{ id: string; config: unknown }>('SELECT id, config FROM hub_offices');
      for (const { id, config } of rows) {
        const message = JSON.stringify({ config });
        if (this.configsSent.get(id) === message) continue;
        await client.publishAsync(hubConfigTopic(id), message, { qos: 1, retain: true });
        this.configsSent.set(id, message);
      }
    } catch (error) {
      this.deps.log.warn('configurations to the offices not sent, tried again', { error: String(error) });
    } finally {
      this.sendingConfigs = false;
    }
  }

  private publishFeed(): void {
    const client = this.client;
    if (this.reading || !client?.connected) return;
    this.reading = true;
    const { pool, log } = this.deps;
    pool
      .query<FeedRow>('SELECT office_id, booking_id, version, booking FROM hub_office_feed ORDER BY version LIMIT 1000')
      .then(({ rows }) => {
        for (const row of rows) {
          const key = `${row.office_id}/${row.booking_id}/${row.version}`;
          if (this.inFlight.has(key)) continue;
          this.inFlight.add(key);
          const message = JSON.stringify({ version: Number(row.version), booking: row.booking });
          client.publish(hubBookingsTopic(row.office_id), message, { qos: 1 }, (error) => {
            if (error) {
              this.inFlight.delete(key);
              return;
            }
            // A newer version written meanwhile stays, and goes next.
            pool.query('DELETE FROM hub_office_feed WHERE office_id = $1 AND booking_id = $2 AND version = $3', [row.office_id, row.booking_id, row.version]).then(
              () => this.inFlight.delete(key),
              (e: Error) => {
                this.inFlight.delete(key);
                log.warn('booking sent to its office, not yet taken off the feed', { error: e.message });
              },
            );
          });
        }
      })
      .catch((error: Error) => log.warn('feed to the offices not read', { error: error.message }))
      .finally(() => {
        this.reading = false;
      });
  }
}
