import { execFile, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deviceNodeFlags } from '../../scripts/build-device.ts';
import { buildDevicePackage } from '../../scripts/device-package.ts';
import { runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);

/** The first line a child prints on stdout. */
const firstLine = (child: ReturnType<typeof spawn>) => new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));

test('a device Pi gets everything from the office server: the installer with the server address, the runtime archive whose drivers load without the checkout, and its settings by code', async () => {
  const dir = await tempDir();
  const files = join(dir.path, 'device-files');
  const office = await runOffice({ adminToken, deviceFiles: files });
  try {
    await buildDevicePackage(files);
    const base = `http://127.0.0.1:${office.server.httpPort}`;

    const installer = await fetch(`${base}/device/install.sh`);
    const script = await installer.text();
    assert.is(installer.status, 200);
    assert.ok(script.includes(`server="\${FRONTA_SERVER:-${base}}"`), 'the installer names the server as the device called it');
    const checked = await new Promise<string>((resolve) => {
      const shellcheck = spawn('shellcheck', ['-'], { stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      shellcheck.stdout.on('data', (c: Buffer) => (out += c.toString()));
      shellcheck.on('exit', () => resolve(out));
      shellcheck.stdin.end(script);
    });
    assert.is(checked, '', 'the served installer passes shellcheck');
    assert.is((await fetch(`${base}/device/files/no-such-file.deb`)).status, 404, 'a missing file is a 404, not the web page');
    // Debian versions carry `+`, which apt sends escaped.
    await mkdir(join(files, 'debs'));
    await writeFile(join(files, 'debs', 'libnode115_20.19.2+dfsg-1_arm64.deb'), 'deb');
    const deb = await fetch(`${base}/device/files/debs/libnode115_20.19.2%2bdfsg-1_arm64.deb`);
    assert.is(deb.status, 200, 'a package whose version has a + is served as apt asks for it');

    // What `curl … | tar -xz` does on the Pi, into a directory that is not the checkout.
    const archive = await fetch(`${base}/device/files/fronta-device.tar.gz`);
    assert.is(archive.status, 200);
    const opt = join(dir.path, 'opt');
    await mkdir(opt);
    const tar = spawn('tar', ['-xz', '-C', opt], { stdio: ['pipe', 'inherit', 'inherit'] });
    tar.stdin.end(Buffer.from(await archive.arrayBuffer()));
    await new Promise((resolve) => tar.once('exit', resolve));
    const installed = join(opt, 'fronta-device');
    // Each driver the real hardware needs loads from the archive alone, native binding included.
    const drivers = "require('node-hid').devices(); require('@serialport/bindings-cpp'); require('johnny-five'); console.log(typeof require('onoff').Gpio.accessible)";
    const loaded = await run(process.execPath, ['-e', drivers], { cwd: installed, env: { ...process.env, NODE_PATH: '' } });
    assert.is(loaded.stdout.trim(), 'boolean');

    const admin = staffClient(base);
    await addAccount(base, 'reditelka', 'admin');
    await admin.login('reditelka');
    const { code } = (await admin.call('POST', '/api/staff/devices/prepazka-2/enrolment')).body!;
    const settingsPath = join(dir.path, 'device.json');
    const enrolled = await run(process.execPath, [join(installed, 'dist/device.mjs'), 'enrol', base, code, settingsPath], { cwd: dir.path });
    assert.equal(JSON.parse(enrolled.stdout), { enrolled: true, deviceId: 'prepazka-2', role: 'counter' });
    assert.is(JSON.parse(await readFile(settingsPath, 'utf8')).broker, office.brokerUrl);

    const device = spawn(process.execPath, [...deviceNodeFlags, join(installed, 'dist/device.mjs'), settingsPath], { cwd: dir.path, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      assert.equal(JSON.parse(await firstLine(device)), { configured: true, deviceId: 'prepazka-2', role: 'counter' });
    } finally {
      device.kill('SIGTERM');
      await new Promise((resolve) => device.once('exit', resolve));
    }
  } finally {
    await office.stop();
    await dir.remove();
  }
});

test.run();
