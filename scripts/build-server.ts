import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './lib/bundle.ts';

/**
 * How the office server runs in production (deploy/systemd/fronta-server.service says the same),
 * measured by `npm run bench -- server-year` (docs/PERFORMANCE.md). V8 sizes its heap for memory,
 * not speed, with a 1 MiB young generation: by default the young generation doubles to 32 MiB and
 * the old space keeps the pages a busy day freed (the heap commits 80 MiB for 19 used). The
 * collector runs on the main thread, whose helpers would each get a malloc arena; glibc keeps two
 * arenas and gives every block of 32 KiB or more back when it is freed (the compilers' zones), so
 * what the first weeks freed does not stay resident.
 */
export const serverNodeFlags = ['--optimize-for-size', '--max-semi-space-size=1', '--single-threaded-gc'];
export const serverEnv = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '32768' };

/**
 * The office server as one JavaScript file, `dist/server.mjs`, with its mailer's thread beside it
 * (`mail-worker.mjs`): no TypeScript loader at run time (its thread and compile cache cost
 * memory), the modem's native serialport left to node_modules. It must stay one level below the
 * root, as broker/ is (broker/root-path.ts).
 */
export async function buildServer(entry = 'broker/main.ts', outfile = 'dist/server.mjs'): Promise<void> {
  await bundle(entry, outfile, { external: ['serialport'] });
  // The office server's mailer thread (broker/mail/worker-mailer.ts), beside it.
  if (entry === 'broker/main.ts') await bundle('broker/mail/mail-worker.ts', join(dirname(outfile), 'mail-worker.mjs'), { external: [] });
}

/** The hub's processes (docs/HUB.md), bundled the same way: a booking process and the link to the offices. */
export const hubBundles = { 'dist/hub.mjs': 'broker/hub/hub-main.ts', 'dist/hub-link.mjs': 'broker/hub/hub-link-main.ts' };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--hub') {
    for (const [outfile, entry] of Object.entries(hubBundles)) await buildServer(entry, outfile);
    console.log(`built ${Object.keys(hubBundles).join(', ')}`);
  } else {
    await buildServer(process.argv[2], process.argv[3]);
    console.log(`built ${process.argv[3] ?? 'dist/server.mjs'}`);
  }
}
