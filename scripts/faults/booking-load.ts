import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { overbookedPlaces, storedBookings } from '../lib/stored-bookings.ts';

export interface ConfirmedBooking {
  email: string;
  code: string;
  startsAt: number;
}

/** Passports: 2 to 8 online places a day, one client per slot: places run out, which is the point. */
const serviceId = 'pasy';

/**
 * Citizens booking while the server is being killed: each holds a random free slot, finds its link
 * in the outbox (the default mail transport writes it before the hold is answered) and confirms.
 * Only a confirmation answered with a code counts as acknowledged.
 */
export class BookingLoad {
  readonly confirmed: ConfirmedBooking[] = [];
  private attempts = 0;
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly httpUrl: () => string,
  ) {}

  start(citizens = 3): void {
    this.running = true;
    this.loops = Array.from({ length: citizens }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      await this.book().catch((e) => process.env.DEBUG_LOAD && console.error(String(e)));
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private async book(): Promise<void> {
    const url = this.httpUrl();
    const email = `k9-${++this.attempts}-${Date.now()}@example.cz`;
    const days = ((await (await fetch(`${url}/api/services/${serviceId}/days`)).json()) as { days?: { day: string; free: number }[] }).days?.filter((d) => d.free > 0) ?? [];
    // Mostly the first open days, as real citizens want: that is where they collide.
    const day = days[Math.floor(Math.random() * Math.min(days.length, 3))]?.day;
    if (!day) return;
    const slots = ((await (await fetch(`${url}/api/services/${serviceId}/days/${day}`)).json()) as { slots?: { startsAt: number }[] }).slots ?? [];
    const slot = slots[Math.floor(Math.random() * slots.length)];
    if (!slot) return;
    const challenge = (await (await fetch(`${url}/api/challenge`)).json()) as Challenge;
    const solution = await solveChallenge({ challenge, deriveKey });
    const body = { serviceId, startsAt: slot.startsAt, name: 'Zkouška Výpadku', email, consent: true, language: 'cs', proof: { challenge, solution } };
    const held = await fetch(`${url}/api/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (held.status !== 201) return;
    const token = await this.linkFor(email);
    // A confirmation cut off by the kill is sent again once the server is back, as a citizen
    // reloads the page: it must then find the code mailed, whether or not it was the first answer.
    let confirmed: Response | undefined;
    while (!confirmed && this.running)
      confirmed = await fetch(`${this.httpUrl()}/api/confirmations/${token}`, { method: 'POST' }).catch(() => new Promise<undefined>((r) => setTimeout(() => r(undefined), 50)));
    if (confirmed?.status !== 200) return;
    const { code } = (await confirmed.json()) as { code: string };
    this.confirmed.push({ email, code, startsAt: slot.startsAt });
  }

  /** Online places still free over the whole horizon: when none is left, no confirmation can come. */
  async placesLeft(): Promise<number> {
    const answer = await fetch(`${this.httpUrl()}/api/services/${serviceId}/days`).catch(() => null);
    if (!answer?.ok) return Number.NaN;
    const { days = [] } = (await answer.json()) as { days?: { free: number }[] };
    return days.reduce((sum, d) => sum + d.free, 0);
  }

  private async linkFor(email: string): Promise<string> {
    const outbox = join(this.dataDir, 'outbox');
    for (const name of (await readdir(outbox)).filter((n) => n.endsWith('.html')).reverse()) {
      const html = await readFile(join(outbox, name), 'utf8');
      if (html.includes(email)) return /\/confirm\/([A-Za-z0-9_-]{22})/.exec(html)![1]!;
    }
    throw new Error(`no mail for ${email}`);
  }

  /** After the last restart: every acknowledged booking still answers to its code and e-mail, at its time. */
  async lost(): Promise<string[]> {
    const lost: string[] = [];
    for (const b of this.confirmed) {
      const reply = await fetch(`${this.httpUrl()}/api/cancellations/preview`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: b.code, email: b.email }),
      });
      const found = reply.ok ? ((await reply.json()) as { startsAt: number }) : undefined;
      if (found?.startsAt !== b.startsAt) lost.push(`${b.email} ${b.code} → ${reply.status}`);
    }
    return lost;
  }

  /** Confirmed bookings whose code no mail in the outbox carries. */
  async codeMailsMissing(): Promise<string[]> {
    const outbox = join(this.dataDir, 'outbox');
    const mails = await Promise.all((await readdir(outbox)).filter((n) => n.endsWith('.html')).map((n) => readFile(join(outbox, n), 'utf8')));
    return this.confirmed.filter((b) => !mails.some((html) => html.includes(b.code))).map((b) => `${b.email} ${b.code}`);
  }

  /** Places taken beyond the day's online places or a slot's places, from the bookings as stored (snapshot and journal). */
  async overbooked(config: OfficeConfig, now: number): Promise<string[]> {
    return overbookedPlaces(config, await storedBookings(this.dataDir), now);
  }
}
