import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { clockFromSettings } from '../shared/clock.ts';
import { tempDir } from '../test/support/temp-dir.ts';
import { clockEpoch } from './clock-anchor.ts';

test('a server restarted with the same FRONTA_START_AT goes on from where its clock was; a new start starts anew', async () => {
  const dir = await tempDir();
  try {
    const path = join(dir.path, 'clock-anchor.json');
    const startAt = '2026-11-24T09:00:00+01:00';
    const first = clockFromSettings({ startAt, epochMs: await clockEpoch(path, startAt, 1_000_000) }, 1_000_000);
    // 728 s later (the drift the check from outside measured), a restart: the clock does not rewind.
    const realLater = 1_000_000 + 728_000;
    const restarted = clockFromSettings({ startAt, epochMs: await clockEpoch(path, startAt, realLater) }, realLater);
    assert.is(restarted.now() - first.now(), 0, 'both read the same office time at the same real instant');
    const other = await clockEpoch(path, '2026-11-25T09:00:00+01:00', realLater);
    assert.is(other, String(realLater), 'another start instant is a new anchor');
  } finally {
    await dir.remove();
  }
});

test('a shared offset handed down by a parent wins over a start instant in the environment', () => {
  const clock = clockFromSettings({ startAt: '2026-11-24T09:00:00+01:00', offsetMs: '5000' }, 0);
  assert.ok(Math.abs(clock.now() - (Date.now() + 5000)) < 1000);
});

test.run();
