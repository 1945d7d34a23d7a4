import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { simulateDay } from '../../scripts/simulate/office-day.ts';
import { tempDir } from '../support/temp-dir.ts';

test('a simulated morning through the real server and devices: every citizen gets a ticket or a reason, booked citizens are checked in or told why, clerks serve, waits add up', async () => {
  const dir = await tempDir();
  try {
    const report = await simulateDay({ dir: dir.path, date: '2026-11-30', from: '07:55', to: '08:45', rate: 120, seed: 11 });
    assert.ok(report.arrivals >= 30, `${report.arrivals} arrivals`);
    const turnedAway = report.workplaces.reduce((n, w) => n + w.turnedAway, 0);
    assert.is(report.tickets + turnedAway, report.arrivals);
    assert.is(turnedAway, 0, `nobody is turned away in the first hour of a Monday: ${JSON.stringify(report.workplaces.map((w) => w.turnedAwayBy))}`);
    assert.ok(report.served > 0);
    const called = report.services.reduce((n, s) => n + s.called, 0);
    assert.is(called + report.stillWaiting, report.tickets);
    for (const s of report.services) if (s.waitMinutes) assert.ok(s.waitMinutes.p50 >= 0 && s.waitMinutes.p50 <= s.waitMinutes.p90 && s.waitMinutes.p90 <= s.waitMinutes.max);
    const b = report.bookings;
    assert.ok(b.booked > 0 && b.checkedIn > 0, JSON.stringify(b));
    assert.is(b.otherRefusals, 0, 'early and late-but-valid codes all print');
    assert.is(b.checkedIn + b.refusedTooLate + b.absent, b.booked, JSON.stringify(b));
  } finally {
    await dir.remove();
  }
});

test.run();
