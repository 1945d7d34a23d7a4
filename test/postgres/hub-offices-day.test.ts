import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { simulateHubDay } from '../../scripts/simulate/hub-day.ts';
import { tempDir } from '../support/temp-dir.ts';

// The short version of `npm run simulate -- --offices 20` (docs/PERFORMANCE.md has the long one's figures).
test("a hub and three offices through a morning, one office's line cut for half an hour: it keeps issuing and checking in codes, every check-in and no-show is at the hub once afterwards, and the hub's statistics are the offices' own", async () => {
  const dir = await tempDir();
  try {
    const report = await simulateHubDay({ dir: dir.path, date: '2026-11-30', from: '09:00', to: '10:30', rate: 120, seed: 5, offices: 3, cuts: 1, cutFrom: '09:20', cutTo: '09:50' });
    const summary = JSON.stringify(report);
    const [cut] = report.cuts;
    assert.is(report.cuts.length, 1);
    assert.ok(cut!.connectionsDropped > 0, `the cut dropped the office's line: ${summary}`);
    assert.ok(cut!.ticketsDuringCut > 0 && cut!.checkInsDuringCut > 0, `tickets and check-ins during the cut: ${summary}`);
    assert.is(cut!.atHubBeforeRestore, 0, `nothing of the cut reached the hub before the line was back: ${summary}`);
    assert.ok(report.checkIns.atOffices > 0);
    assert.equal(report.checkIns, { atOffices: report.checkIns.atOffices, atHub: report.checkIns.atOffices, missingAtHub: 0, unknownAtHub: 0 }, 'each check-in at the hub, once');
    assert.ok(report.noShows.atOffices > 0);
    assert.is(report.noShows.atHub, report.noShows.atOffices, 'each no-show at the hub');
    assert.ok(report.statistics.offices.issued > 0 && report.statistics.offices.bookingsKept > 0, summary);
    assert.equal(report.statistics.hub, report.statistics.offices, "the hub's totals are the sum of the offices'");
    assert.is(report.statistics.officesMatching, 3, 'each office’s day at the hub, cell by cell');
  } finally {
    await dir.remove();
  }
});

test.run();
