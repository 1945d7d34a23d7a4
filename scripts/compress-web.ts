import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * After `vite build`: a .br and a .gz beside every page, script and style sheet, which the office
 * server sends to browsers that accept them (@fastify/static preCompressed). Compressed once here,
 * not on every request on a Pi.
 */
const root = new URL('../webui/dist/', import.meta.url).pathname;
async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(html|js|css|svg|json)$/.test(entry.name)) yield path;
  }
}
for await (const path of files(root)) {
  const content = await readFile(path);
  await writeFile(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  await writeFile(`${path}.gz`, gzipSync(content, { level: 9 }));
}
