import { readFile } from 'node:fs/promises';
import { writeFileDurably } from '../broker/store/durable-file.ts';
import { type Enrolment, enrolmentSchema, enrolRequestSchema } from '../shared/contract/enrolment.ts';
import { type LocalSettings, localSettingsSchema } from './local-settings.ts';

/**
 * `device.mjs enrol http://10.0.0.2:8080 K7QM-3XPA /etc/fronta/device.json`: asks the office server
 * for this device's settings with the code from the staff page (Nastavení → Zařízení), and writes
 * them, keeping the file's `hardware` part if there is one (a replaced Pi keeps its wiring notes).
 */
export async function enrol(server: string, typedCode: string, path: string): Promise<{ deviceId: string; role: Enrolment['role'] }> {
  const body = enrolRequestSchema.parse({ code: typedCode });
  const response = await fetch(new URL('/api/enrol', server), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (answer as { error?: { code?: string; detail?: string } } | null)?.error;
    throw new Error(`the server refused (${response.status} ${error?.code ?? ''}): ${error?.detail ?? ''}`);
  }
  const { role, access } = enrolmentSchema.parse(answer);
  const settings: LocalSettings = localSettingsSchema.parse({ ...access, hardware: (await previousHardware(path)) ?? {} });
  await writeFileDurably(path, `${JSON.stringify(settings, null, 2)}\n`);
  return { deviceId: settings.deviceId, role };
}

async function previousHardware(path: string): Promise<unknown> {
  try {
    return (JSON.parse(await readFile(path, 'utf8')) as { hardware?: unknown }).hardware;
  } catch {
    return undefined;
  }
}
