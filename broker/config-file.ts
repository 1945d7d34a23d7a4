import { readFile } from 'node:fs/promises';
import { kostelecOffice } from '../shared/config/kostelec.ts';
import type { OfficeConfig } from '../shared/config/schema.ts';
import { validateOfficeConfig } from '../shared/config/validate.ts';

/** Reads and validates an office configuration; refuses with every error at once. Without a path: the Kostelec example. */
export async function loadOfficeConfig(path: string | undefined): Promise<OfficeConfig> {
  const input: unknown = path ? JSON.parse(await readFile(path, 'utf8')) : kostelecOffice;
  const result = validateOfficeConfig(input);
  if (!result.ok) throw new Error(`invalid office configuration ${path ?? '(Kostelec example)'}:\n  ${result.error.errors.join('\n  ')}`);
  return result.data;
}
