import { emptyBookingState } from '../../broker/booking/booking-state.ts';
import { bookingDays, horizon, slotStarts } from '../../broker/booking/slots.ts';
import { kostelec } from './office-fixture.ts';

/**
 * Prints what the booking rules answer around both DST changes and Easter; the rules test runs this
 * under several TZ settings and requires the same output from each.
 */
const config = kostelec();
const pasy = config.services.find((s) => s.id === 'pasy')!;
const state = emptyBookingState('salt');
const out: Record<string, unknown> = {};
for (const at of ['2026-10-10T10:00:00+02:00', '2027-03-10T10:00:00+01:00', '2026-10-24T23:30:00+02:00', '2027-03-27T23:59:59+01:00']) {
  const now = Date.parse(at);
  const days = horizon(config, now);
  out[at] = {
    first: days[0],
    last: days.at(-1),
    count: days.length,
    unavailable: bookingDays(config, state, pasy, now)
      .filter((d) => d.unavailable)
      .map((d) => `${d.day}:${d.unavailable}`),
  };
}
for (const day of ['2026-10-23', '2026-10-26', '2027-03-26', '2027-03-29', '2027-03-30']) {
  out[day] = slotStarts(config, pasy, day)
    .map((t) => new Date(t).toISOString())
    .slice(0, 2);
}
console.log(JSON.stringify(out));
