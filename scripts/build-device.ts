import { fileURLToPath } from 'node:url';
import { bundle } from './lib/bundle.ts';

/**
 * V8 flags a device runs with (deploy/systemd/fronta-device.service says the same): a 1 MiB young
 * generation and no optimising compilers. A device handles a message every few seconds, so
 * JIT-compiled code buys nothing and costs memory; measured in docs/PERFORMANCE.md. (DEP0005: escpos's
 * qr-image calls Buffer() at load, which Node reports once bundled code is no longer under node_modules.)
 */
export const deviceNodeFlags = ['--max-semi-space-size=1', '--lite-mode', '--no-expose-wasm', '--disable-warning=DEP0005'];

/**
 * The device runtime as one JavaScript file for the Pis: no TypeScript loader at run time (it
 * costs a thread and tens of MiB), native drivers left to node_modules, and escpos's image library
 * replaced by a stub that throws (Fronta prints no images; it costs 22 MiB). docs/PERFORMANCE.md
 * has the figures.
 */
export function buildDevice(entry = 'device/main.ts', outfile = 'dist/device.mjs'): Promise<void> {
  return bundle(entry, outfile, { external: ['node-hid', 'onoff', 'johnny-five', 'serialport'], alias: { 'get-pixels': './device/escpos/no-images.cjs' } });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDevice(process.argv[2], process.argv[3]);
  console.log(`built ${process.argv[3] ?? 'dist/device.mjs'}`);
}
