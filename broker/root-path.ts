import { fileURLToPath } from 'node:url';

/**
 * A path of this checkout. The source (broker/) and the bundled server (dist/server.mjs) both sit
 * one level below the root, so the same URL finds the web pages and the device files from either.
 */
export const fromRoot = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
