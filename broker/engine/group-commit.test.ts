import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { GroupCommit } from './group-commit.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

test('twenty commits of one event-loop turn share one write, not twenty', async () => {
  let writes = 0;
  const commits = new GroupCommit(
    async () => {
      writes += 1;
      await tick();
    },
    () => {},
  );
  await Promise.all(Array.from({ length: 20 }, () => commits.commit()));
  assert.is(writes, 1);
});

test('commits that arrive while a write is under way share the next write', async () => {
  let writes = 0;
  const commits = new GroupCommit(
    async () => {
      writes += 1;
      await tick();
    },
    () => {},
  );
  const first = commits.commit();
  await new Promise((r) => setImmediate(r));
  await Promise.all([first, ...Array.from({ length: 10 }, () => commits.commit())]);
  assert.is(writes, 2);
});

test('a failed write rejects its batch and everything queued on top of it, and restores once', async () => {
  let restores = 0;
  let fail = true;
  const commits = new GroupCommit(
    async () => {
      await tick();
      if (fail) throw new Error('disk full');
    },
    () => (restores += 1),
  );
  const first = commits.commit();
  const second = commits.commit();
  const results = await Promise.allSettled([first, second]);
  assert.equal(
    results.map((r) => r.status),
    ['rejected', 'rejected'],
  );
  assert.is(restores, 1);
  fail = false;
  await commits.commit();
});

test.run();
