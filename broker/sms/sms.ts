export interface SmsMessage {
  /** E.164 (phone-number.ts). */
  to: string;
  text: string;
  /** The booking or ticket the message is about: the outbox deletes its file with the number. */
  about?: string;
}

/** What a status report told of a sent message (the modem's +CDS; a gateway reports none). */
export interface SmsReport {
  id: string;
  outcome: 'delivered' | 'failed';
}

/** A way to send text messages: the office's GSM modem, an HTTP gateway, or the outbox folder. */
export interface Sms {
  /** false for the outbox folder: the message stays on the server. */
  readonly reachesCitizens: boolean;
  /** Resolves once the network (the modem) or the gateway has taken every part; `id` ties later reports to it. */
  send(id: string, message: SmsMessage): Promise<void>;
  /** Status reports as they arrive. */
  onReport(listener: (report: SmsReport) => void): void;
  forget?(about: string): Promise<void>;
  close(): Promise<void>;
}

/** The secret a transport needs (the SIM's PIN, the gateway's key): from a file only its owner reads, or the environment. */
export function smsSecret(env: NodeJS.ProcessEnv, readFile: (path: string) => string): string | undefined {
  if (env.FRONTA_SMS_SECRET_FILE) return readFile(env.FRONTA_SMS_SECRET_FILE).trim();
  return env.FRONTA_SMS_SECRET;
}

/** A refusal or a failed request may quote the number or the text; the log keeps neither (a run of 6 digits is a number). */
export const withoutNumbers = (text: string): string => text.replace(/\+?\d[\d ]{5,}\d/g, '…');
