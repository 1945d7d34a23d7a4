import { parseArgs } from 'node:util';
import { adminRequest, report } from './lib/admin-client.ts';

/**
 * The booking crisis switch as a command on the server (the staff pages have it too):
 *
 *   npm run booking -- suspend --cs "Z důvodu … je objednávání mimo provoz." --en "Because of … booking is off." [--workplace ID …] [--cancel-existing]
 *   npm run booking -- resume
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    cs: { type: 'string' },
    en: { type: 'string' },
    workplace: { type: 'string', multiple: true },
    'cancel-existing': { type: 'boolean', default: false },
  },
});

const command = positionals[0];
if (command === 'suspend') {
  if (!values.cs || !values.en) throw new Error('suspend needs the notice in Czech (--cs) and English (--en)');
  await report(await adminRequest('PUT', '/api/admin/suspension', { workplaceIds: values.workplace ?? null, notice: { cs: values.cs, en: values.en }, cancelExisting: values['cancel-existing'] }));
} else if (command === 'resume') {
  await report(await adminRequest('DELETE', '/api/admin/suspension'));
} else {
  throw new Error('usage: npm run booking -- suspend --cs TEXT --en TEXT [--workplace ID]… [--cancel-existing] | resume');
}
