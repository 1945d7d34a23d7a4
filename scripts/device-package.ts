import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDevice } from './build-device.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the bundle leaves to node_modules (build-device.ts): the native drivers and their dependencies. */
const drivers = ['node-hid', 'onoff', 'johnny-five', 'serialport'];
/** What a device Pi installs besides the runtime: its services, udev rules and log limits (and the example wiring, deploy/examples/). */
const deployFiles = [
  'systemd/fronta-device.service',
  'systemd/fronta-hall-screen.service',
  'udev/99-fronta.rules',
  'journald/fronta.conf',
  'hall-screen.sh',
  'fronta-hall-screen.desktop',
  'device-install.sh',
];

/** Node's lookup: the nearest node_modules up from the package that requires it. */
async function resolvePackage(name: string, from: string): Promise<string> {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    try {
      await readFile(join(candidate, 'package.json'));
      return candidate;
    } catch {
      if (dir === root || dir === dirname(dir)) throw new Error(`${name} is not installed (needed from ${relative(root, from) || '.'})`);
    }
  }
}

/** Every package the drivers load, each once, as paths under the checkout. */
async function closure(): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (name: string, from: string) => {
    const dir = await resolvePackage(name, from);
    if (found.has(dir)) return;
    found.add(dir);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies ?? {})) await visit(dep, dir);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) await visit(dep, dir).catch(() => undefined);
  };
  for (const name of drivers) await visit(name, root);
  return [...found].sort();
}

/** Prebuilt binaries for other systems are dead weight on a Pi (Linux, arm64; x64 kept for checking it here). */
const wanted = (path: string) => !/[/\\]prebuilds[/\\](?!.*linux)[^/\\]+/.test(path) && !/[/\\](test|docs?|examples?)[/\\]/.test(path);

/**
 * The device runtime as a Pi without internet gets it from the office server (docs/DEVICES.md): the
 * bundle, the drivers' packages with their prebuilt binaries (epoll, which ships none, as built
 * on the server: the server is a Pi of the same system), and the service files, in one archive
 * `fronta-device.tar.gz` in `out`. Returns the archive's path.
 */
export async function buildDevicePackage(out: string): Promise<string> {
  const stage = join(out, 'fronta-device');
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });
  await buildDevice('device/main.ts', join(stage, 'dist', 'device.mjs'));
  await buildDevice('device/check.ts', join(stage, 'dist', 'device-check.mjs'));
  for (const dir of await closure()) await cp(dir, join(stage, relative(root, dir)), { recursive: true, filter: wanted });
  for (const file of deployFiles) await cp(join(root, 'deploy', file), join(stage, 'deploy', file));
  await cp(join(root, 'deploy', 'examples'), join(stage, 'deploy', 'examples'), { recursive: true });
  const version = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version as string;
  await writeFile(join(stage, 'package.json'), `${JSON.stringify({ name: 'fronta-device', version, private: true, type: 'module' }, null, 2)}\n`);
  const archive = join(out, 'fronta-device.tar.gz');
  execFileSync('tar', ['-czf', archive, '-C', out, 'fronta-device']);
  await rm(stage, { recursive: true });
  return archive;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const archive = await buildDevicePackage(process.argv[2] ?? join(root, 'dist', 'device-files'));
  console.log(`built ${archive}`);
}
