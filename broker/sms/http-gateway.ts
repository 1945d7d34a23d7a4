import { readFileSync } from 'node:fs';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { type Sms, type SmsMessage, smsSecret, withoutNumbers } from './sms.ts';

type GatewaySettings = Extract<OfficeConfig['sms']['transport'], { kind: 'http' }>;

const requestMs = 15_000;

/**
 * An HTTP SMS gateway, described in the configuration rather than coded per provider: the URL, the
 * method, how the fields travel (query, form or JSON) and their values, in which `{to}` (E.164),
 * `{number}` (the digits without +), `{text}`, `{id}` and `{secret}` are replaced. A 2xx answer
 * whose body matches `acceptPattern` (when given) is taken as sent; anything else is retried by the
 * queue. docs/SMS.md shows the shapes of the Czech gateways it fits.
 */
export class HttpGateway implements Sms {
  readonly reachesCitizens = true;
  private readonly secret: string;
  private readonly accept: RegExp | undefined;

  constructor(
    private readonly settings: GatewaySettings,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.secret = smsSecret(env, (path) => readFileSync(path, 'utf8')) ?? '';
    this.accept = settings.acceptPattern === undefined ? undefined : new RegExp(settings.acceptPattern);
  }

  async send(id: string, message: SmsMessage): Promise<void> {
    const { url, method, encoding, fields, headers } = this.settings;
    const values: Record<string, string> = { to: message.to, number: message.to.replace(/^\+/, ''), text: message.text, id, secret: this.secret };
    const fill = (template: string) => template.replace(/\{(to|number|text|id|secret)\}/g, (_, key: string) => values[key]!);
    const fillAll = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fill(v)]));
    const filled = fillAll(fields);
    const target = new URL(url);
    const init: RequestInit = { method, headers: fillAll(headers), signal: AbortSignal.timeout(requestMs) };
    if (encoding === 'query') for (const [k, v] of Object.entries(filled)) target.searchParams.set(k, v);
    else if (encoding === 'form') init.body = new URLSearchParams(filled);
    else {
      init.body = JSON.stringify(filled);
      init.headers = { 'content-type': 'application/json', ...init.headers };
    }
    let answer: Response;
    try {
      answer = await fetch(target, init);
    } catch (error) {
      // fetch's error may carry the URL, and with a query its number and key.
      throw new Error(`SMS gateway not reached: ${this.redact(String((error as Error).cause ?? error))}`);
    }
    const body = await answer.text();
    if (!answer.ok) throw new Error(`SMS gateway answered ${answer.status}`);
    if (this.accept && !this.accept.test(body)) throw new Error(`SMS gateway refused: ${this.redact(body.slice(0, 120))}`);
  }

  /** What the log may keep of a gateway's words: no number, and not our key. */
  private redact(text: string): string {
    const plain = withoutNumbers(text);
    return this.secret ? plain.replaceAll(this.secret, '…') : plain;
  }

  onReport(): void {}

  async close(): Promise<void> {}
}
