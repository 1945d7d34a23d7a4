import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadOfficeConfig } from '../broker/config-file.ts';
import { kostelecOffice } from '../shared/config/kostelec.ts';
import { provisionDevices } from './lib/provision.ts';

/**
 * `provision --config office.json --out /var/lib/fronta --broker mqtts://10.0.0.2:8883 --ca cert.pem`: new secrets
 * for every device (deploy/README.md). `provision --example` prints the Kostelec configuration.
 */
const { values } = parseArgs({
  options: { config: { type: 'string' }, out: { type: 'string' }, broker: { type: 'string' }, ca: { type: 'string' }, example: { type: 'boolean' } },
});
if (values.example) {
  console.log(JSON.stringify(kostelecOffice, null, 2));
} else if (!values.out || !values.broker) {
  console.error('usage: provision --config office.json --out DIR --broker mqtts://HOST:8883 [--ca CERT.pem] | --broker mqtt://HOST:1883   |   provision --example');
  process.exit(2);
} else {
  const config = await loadOfficeConfig(values.config);
  const ca = values.ca ? await readFile(values.ca, 'utf8') : undefined;
  const { credentialsPath, devices } = await provisionDevices(config, values.out, values.broker, false, ca);
  console.log(`wrote ${credentialsPath} and ${devices.length} device settings files in ${values.out}/devices/`);
}
