import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { startPostgres } from '../support/postgres.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

test("the hub's administrator puts an office in with its file and lists the offices; an invalid file is refused with its errors and changes nothing", async () => {
  const postgres = await startPostgres();
  const dir = await tempDir();
  try {
    const pool = await postgres.database();
    await migrate(pool);
    const database = (await pool.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
    const command = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'scripts/hub-office.ts', ...args], { cwd: root, env: { ...process.env, PGHOST: postgres.socketDir, PGUSER: 'fronta', PGDATABASE: database } });
    const good = join(dir.path, 'kostelec.json');
    await writeFile(good, JSON.stringify(kostelecOffice));
    const added = await command('put', '--config', good, '--public-url', 'https://objednani.example/o/kostelec');
    assert.match(added.stdout, /Office kostelec added\. The booking processes serve it within seconds/);
    const again = await command('put', '--config', good, '--public-url', 'https://objednani.example/o/kostelec');
    assert.match(again.stdout, /new configuration/);

    const bad = join(dir.path, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...kostelecOffice, office: { ...kostelecOffice.office, id: 'rychnov' }, services: [] }));
    const refused = await command('put', '--config', bad, '--public-url', 'https://objednani.example/o/rychnov').then(
      () => null,
      (error: { stderr: string }) => error.stderr,
    );
    assert.match(String(refused), /invalid office configuration/);
    assert.match(String(refused), /services/);
    const listed = await command('list');
    assert.equal(listed.stdout.trim().split('\n'), ['kostelec\tMěstský úřad Kostelec nad Orlicí\thttps://objednani.example/o/kostelec'], 'the invalid one not written');
  } finally {
    await postgres.stop();
    await dir.remove();
  }
});

test.run();
