import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { Logger } from '../log.ts';
import { GsmModem } from './gsm-modem.ts';
import { HttpGateway } from './http-gateway.ts';
import type { Sms } from './sms.ts';
import { SmsOutbox } from './sms-outbox.ts';

/** The office's GSM modem, its HTTP gateway, or (the default) the outbox folder beside the mails. */
export function createSms(settings: OfficeConfig['sms'], dataDir: string, log: Logger, env: NodeJS.ProcessEnv = process.env): Sms {
  const { transport } = settings;
  if (transport.kind === 'modem') return new GsmModem(transport, log, env);
  if (transport.kind === 'http') return new HttpGateway(transport, env);
  return new SmsOutbox(dataDir, transport.dir, log);
}
