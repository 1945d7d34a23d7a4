import { readFile } from 'node:fs/promises';

/** The office server's certificate for MQTT over TLS, as PEM, and the port it is offered on. */
export interface MqttTls {
  cert: string;
  key: string;
  port: number;
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
  return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8'), port: Number(env.FRONTA_MQTTS_PORT ?? 8883) };
}
