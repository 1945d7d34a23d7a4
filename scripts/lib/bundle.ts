import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * One ESM file for Node 20 from a TypeScript entry of this checkout (the device runtime, the office
 * server): `external` packages stay in node_modules (the native ones), `alias` replaces a module.
 */
export async function bundle(entry: string, outfile: string, options: { external: string[]; alias?: Record<string, string> }): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: options.external,
    ...(options.alias ? { alias: options.alias } : {}),
    // Bundled CommonJS (escpos, mqtt's, fastify's and aedes's dependencies) calls require; ESM has none of its own.
    banner: { js: "import { createRequire as __frontaRequire } from 'node:module'; const require = __frontaRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
