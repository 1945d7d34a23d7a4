import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FileStore } from '../../broker/store/file-store.ts';
import { localSettingsSchema } from '../../device/local-settings.ts';
import { engineAt, numberOf } from '../../test/support/engine-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

test('every shell script passes shellcheck', async () => {
  const scripts = [
    ...(await readdir(join(root, 'deploy'))).filter((f) => f.endsWith('.sh')).map((f) => `deploy/${f}`),
    ...(await readdir(join(root, 'scripts'))).filter((f) => f.endsWith('.sh')).map((f) => `scripts/${f}`),
    '.ci/run',
  ];
  assert.ok(scripts.length >= 5);
  const result = await run('shellcheck', scripts, { cwd: root }).then(
    () => '',
    (e: { stdout: string }) => e.stdout,
  );
  assert.is(result, '');
});

test("every systemd unit passes systemd-analyze verify (the hall screen's Chromium is on its own Pi)", async () => {
  const units = (await readdir(join(root, 'deploy/systemd'))).map((f) => join(root, 'deploy/systemd', f));
  assert.is(units.length, 3);
  for (const unit of units) {
    const output = await run('systemd-analyze', ['verify', unit]).then(
      (r) => r.stderr,
      (e: { stderr: string }) => e.stderr,
    );
    // Binaries that exist only on the role's Pi (Chromium on the hall screen's) are the one allowed complaint.
    const problems = output.split('\n').filter((l) => l.trim() && !/Command \/usr\/bin\/chromium is not executable/.test(l));
    assert.equal(problems, [], unit);
  }
});

test('the example device settings of Kostelec are valid device settings', async () => {
  const files = (await readdir(join(root, 'deploy/examples'))).filter((f) => f.endsWith('.json'));
  assert.is(files.length, 9);
  for (const file of files) {
    const result = localSettingsSchema.safeParse(JSON.parse(await readFile(join(root, 'deploy/examples', file), 'utf8')));
    assert.ok(result.success, `${file}: ${result.success ? '' : result.error.message}`);
    assert.is(result.data!.deviceId, file.replace(/\.json$/, ''));
  }
});

test('a backup restores to the same day, its journal replayed, with the bookings, staff, settings and statistics, and without the admin token', async () => {
  const data = await tempDir();
  const restored = await tempDir();
  const first = await engineAt({ store: new FileStore(join(data.path, 'queue')) });
  await first.press('pasy');
  await first.press('pasy');
  const documents = ['credentials.json', 'bookings.json', 'staff.json', 'settings.json', 'statistics.json'];
  for (const name of documents) await writeFile(join(data.path, name), `{"file":"${name}"}\n`);
  await writeFile(join(data.path, 'admin-token'), 'the-secret-token\n');
  const { stdout } = await run('bash', [join(root, 'deploy/backup.sh'), join(data.path, 'backups')], { env: { ...process.env, FRONTA_DATA_DIR: data.path } });
  await run('tar', ['-C', restored.path, '-xzf', stdout.trim()]);
  const again = await engineAt({ store: new FileStore(join(restored.path, 'queue')) });
  assert.is(numberOf(await again.press('pasy')), 'C003');
  for (const name of documents) assert.is(await readFile(join(restored.path, name), 'utf8'), `{"file":"${name}"}\n`, name);
  assert.not.ok(existsSync(join(restored.path, 'admin-token')), 'the admin token stays on the server');
  await Promise.all([first.store.stop(), again.store.stop()]);
  await data.remove();
  await restored.remove();
});

test.run();
