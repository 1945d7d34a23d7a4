import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** The office server's certificate for MQTT over TLS, as PEM, and the port it is offered on. */
export interface MqttTls {
  cert: string;
  key: string;
  port: number;
  /** The certificate a device is told to trust (`FRONTA_MQTT_TLS_CA`), when it is not the server's own. */
  ca?: string;
}

/**
 * What an enrolled device is told to trust for mqtts://: the CA named, or the server's own
 * certificate when it signed itself (deploy/make-mqtt-cert.sh); nothing for one from a public CA,
 * which the device's system store already trusts.
 */
export function caForDevices(tls: MqttTls): string | undefined {
  if (tls.ca) return tls.ca;
  const cert = new X509Certificate(tls.cert);
  return cert.checkIssued(cert) ? tls.cert : undefined;
}

/**
 * `FRONTA_MQTT_TLS_CERT` and `FRONTA_MQTT_TLS_KEY` (PEM files, e.g. from the town's IT or made by
 * deploy/make-mqtt-cert.sh) switch MQTT over TLS on, on `FRONTA_MQTTS_PORT` (8883): the devices'
 * secrets no longer cross the LAN in clear text. Both or neither; a file that cannot be read stops the start.
 */
export async function mqttTlsFromEnv(env: NodeJS.ProcessEnv): Promise<MqttTls | undefined> {
  const { FRONTA_MQTT_TLS_CERT: certPath, FRONTA_MQTT_TLS_KEY: keyPath } = env;
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) throw new Error('FRONTA_MQTT_TLS_CERT and FRONTA_MQTT_TLS_KEY go together');
  const ca = env.FRONTA_MQTT_TLS_CA ? await readFile(env.FRONTA_MQTT_TLS_CA, 'utf8') : undefined;
  return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8'), port: Number(env.FRONTA_MQTTS_PORT ?? 8883), ...(ca ? { ca } : {}) };
}
