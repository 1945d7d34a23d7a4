import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../test/support/temp-dir.ts';
import { dataFormat, prepareDataDir } from './data-format.ts';

const run = promisify(execFile);
const formatIn = async (dir: string) => JSON.parse(await readFile(join(dir, 'format.json'), 'utf8')).format as number;

test('an empty data directory is recorded in this format; one written before formats were recorded is migrated to it step by step, once', async () => {
  const fresh = await tempDir();
  const old = await tempDir();
  try {
    assert.equal(await prepareDataDir(fresh.path), []);
    assert.is(await formatIn(fresh.path), dataFormat);
    await writeFile(join(old.path, 'bookings.json'), '{"seq":0,"addressSalt":"x","bookings":{},"suspension":null}');
    assert.equal(await prepareDataDir(old.path), [0, 1], 'format 0 → 1 → 2');
    assert.is(await formatIn(old.path), dataFormat);
    assert.equal(await prepareDataDir(old.path), [], 'nothing more the next time');
  } finally {
    await fresh.remove();
    await old.remove();
  }
});

test('a data directory a newer server wrote is refused, clearly, and the office server does not start on it', async () => {
  const newer = await tempDir();
  try {
    await mkdir(join(newer.path, 'queue'));
    await writeFile(join(newer.path, 'format.json'), `${JSON.stringify({ format: dataFormat + 1 })}\n`);
    const refusal = await prepareDataDir(newer.path).then(
      () => '',
      (error: Error) => error.message,
    );
    assert.match(refusal, new RegExp(`written by a newer Fronta \\(data format ${dataFormat + 1}; this server reads up to ${dataFormat}\\)`));
    const started = run(process.execPath, ['--import', 'tsx', 'broker/main.ts'], { env: { ...process.env, FRONTA_DATA_DIR: newer.path, FRONTA_HTTP_PORT: '0', FRONTA_MQTT_PORT: '0' } });
    const failed = await started.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    assert.ok(failed, 'the server refused to start');
    assert.match(failed!.stderr, 'written by a newer Fronta');
    assert.is(await formatIn(newer.path), dataFormat + 1, 'and left the directory as it was');
  } finally {
    await newer.remove();
  }
});

test.run();
