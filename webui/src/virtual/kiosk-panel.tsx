import type { Language } from '../../../shared/config/localized.ts';
import type { KioskConfig } from '../../../shared/contract/device.ts';
import type { keypadKeys, SimInput, SimOutput } from '../../../shared/contract/simulation.ts';
import type { DecodedReceipt } from '../../../shared/escpos/decode.ts';
import { TicketPaper } from './ticket-paper.tsx';
import type { VirtualTexts } from './virtual-texts.ts';

export interface PrintedTicket {
  n: number;
  receipt: DecodedReceipt;
}

interface Props {
  config: KioskConfig;
  output: SimOutput | undefined;
  tickets: PrintedTicket[];
  t: VirtualTexts;
  language: Language;
  send(input: SimInput): void;
}

/** The keypad's layout as on the device: digits as on a phone, then the three function keys. */
const keyOrder = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'back', '0', 'clear', 'enter'] as const satisfies readonly (typeof keypadKeys)[number][];
const keySymbols: Record<string, string> = { enter: '⏎', clear: 'C', back: '←' };

/** One kiosk: its LCD, its lit or dark service buttons, the code keypad and the paper; beside them the newest ticket it printed. */
export function KioskPanel({ config, output, tickets, t, language, send }: Props) {
  const lights = new Map(output?.lights?.map((l) => [l.button, l.on]));
  const headingId = `${config.deviceId}-name`;
  const [newest, ...earlier] = tickets;
  return (
    <section class="device kiosk" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {config.name[language]} <span class="device-id">{config.deviceId}</span>
      </h3>
      <div class="kiosk-controls">
        <div class="lcd" role="status" aria-label={t.lcd}>
          {(output?.lcd ?? []).map((line, k) => (
            <div key={k}>{line || '\u00a0'}</div>
          ))}
        </div>
        <div>
          <h4>{t.serviceButtons}</h4>
          <ul class="service-buttons">
            {config.buttons.map((b) => {
              const lit = lights.get(b.button) === true;
              return (
                <li key={b.button}>
                  <button type="button" class={lit ? 'lit' : 'dark'} onClick={() => send({ kind: 'press', button: b.button })}>
                    <span class="letter">{b.letter}</span> {b.name[language]} <span class="visually-hidden">({lit ? t.lit : t.dark})</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
        <div>
          <h4>{t.keypad}</h4>
          <div class="keypad">
            {keyOrder.map((key) => (
              <button key={key} type="button" aria-label={t.keys[key] ?? key} onClick={() => send({ kind: 'keys', keys: [key] })}>
                {keySymbols[key] ?? key}
              </button>
            ))}
          </div>
        </div>
        <label class="paper-choice">
          {t.paper}{' '}
          <select value={output?.paper ?? 'ok'} onChange={(e) => send({ kind: 'paper', paper: (e.target as HTMLSelectElement).value as 'ok' })}>
            {Object.entries(t.papers).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="kiosk-paper">
        <h4>{t.printed}</h4>
        {newest ? <TicketPaper receipt={newest.receipt} label={t.ticketNo(newest.n)} qrLabel="QR" /> : <p>{t.nothingPrinted}</p>}
        {earlier.length > 0 ? (
          <details>
            <summary>{t.earlier(earlier.length)}</summary>
            <div class="tickets">
              {earlier.map((ticket) => (
                <TicketPaper key={ticket.n} receipt={ticket.receipt} label={t.ticketNo(ticket.n)} qrLabel="QR" />
              ))}
            </div>
          </details>
        ) : null}
      </div>
    </section>
  );
}
