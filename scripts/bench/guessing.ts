import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { officeConfigSchema } from '../../shared/config/schema.ts';
import { engineAt } from '../../test/support/engine-fixture.ts';
import { startOfficeProcess } from '../lib/office-process.ts';
import { emit, round } from './stats.ts';

/** 8-digit codes, and a busy month of bookings all active at once: the kiosk guesser's best case. */
const codeSpace = 1e8;
const activeCodes = 300;
const minutesPerYear = 365 * 24 * 60;
/** The office is open about 40 hours a week; the kiosk hall is locked the rest. */
const openShare = 40 / (7 * 24);

/**
 * How long guessing one booking code takes, from the limits as they actually behave: wrong codes
 * typed at a kiosk (the engine on a fake clock, an hour of attempts) and cancellation-form
 * submissions (the real server's rate limit over HTTP).
 */
export async function measureGuessing(dir: string): Promise<void> {
  const start = Date.parse('2026-11-24T09:00:00+01:00');
  const { code, clock } = await engineAt({ at: start, bookings: { find: () => null, due: () => [] } });
  let answered = 0;
  for (let minute = 0; minute < 180; minute++) {
    for (let k = 0; k < 100; k++) {
      const reply = await code(String(10_000_000 + minute * 100 + k));
      if (reply.ok || reply.error.code !== 'tooManyAttempts') answered += 1;
      clock.advance(600);
    }
  }
  const kioskPerMinute = answered / 180;
  emit({ bench: 'guessing-kiosk', metric: 'codes-checked-per-minute', value: round(kioskPerMinute, 3), unit: '/min', attemptsMade: 18_000, over: '3 hours' });
  const years = codeSpace / activeCodes / kioskPerMinute / minutesPerYear;
  emit({
    bench: 'guessing-kiosk',
    metric: 'expected-time-to-guess-any-code',
    value: round(years / openShare, 1),
    unit: 'years',
    activeCodes,
    kiosks: 1,
    hours: 'office hours',
    nonStop: round(years, 1),
  });

  const office = await startOfficeProcess(dir, kostelecOffice, start);
  try {
    const url = `http://127.0.0.1:${office.server.httpPort}/api/cancellations/preview`;
    let checked = 0;
    for (let k = 0; k < 50; k++) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: String(20_000_000 + k), email: 'victim@example.cz' }) });
      if (response.status !== 429) checked += 1;
    }
    const perTenMinutes = officeConfigSchema.parse(kostelecOffice).booking.limits.cancelAttemptsPerAddress;
    emit({ bench: 'guessing-cancel-form', metric: 'codes-checked-of-50-in-10-minutes', value: checked, unit: 'requests', limit: perTenMinutes });
    // The form needs the code and the e-mail: a guesser who knows a citizen's e-mail must find that citizen's one code.
    emit({
      bench: 'guessing-cancel-form',
      metric: 'expected-time-to-guess-one-code',
      value: round(codeSpace / 2 / (checked / 10) / minutesPerYear, 1),
      unit: 'years',
      codesOfTheVictim: 1,
      addresses: 1,
    });
  } finally {
    await office.stop();
  }
}
