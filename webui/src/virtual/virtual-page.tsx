import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../../shared/config/localized.ts';
import type { CounterConfig, DeviceConfig, DisplayConfig, KioskConfig } from '../../../shared/contract/device.ts';
import { type SimInput, type SimOutput, simulatorId } from '../../../shared/contract/simulation.ts';
import { topicFilter } from '../../../shared/contract/topics.ts';
import { decodeEscpos } from '../../../shared/escpos/decode.ts';
import { type BrokerLink, connectBroker } from '../broker-link.ts';
import { HallBoard } from '../hall/hall-page.tsx';
import { applyLanguage, initialLanguage } from '../language.ts';
import { CounterPanel } from './counter-panel.tsx';
import { KioskPanel, type PrintedTicket } from './kiosk-panel.tsx';
import { virtualTexts } from './virtual-texts.ts';
import './virtual.css';

/** How many tickets each kiosk keeps on screen, newest first. */
const ticketsShown = 4;

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/**
 * The virtual office (`/virtual#key=…`, simulation only): every simulated device of the office on
 * one page, driven over the broker with the virtual office's login. The key is in the fragment,
 * so it never leaves the browser except to the broker.
 */
export function VirtualPage() {
  const key = new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [online, setOnline] = useState(false);
  const [configs, setConfigs] = useState<Record<string, DeviceConfig>>({});
  const [outputs, setOutputs] = useState<Record<string, SimOutput>>({});
  const [tickets, setTickets] = useState<Record<string, PrintedTicket[]>>({});
  const [displayId, setDisplayId] = useState('');
  const [broker, setBroker] = useState<BrokerLink | null>(null);
  const t = virtualTexts[language];

  useEffect(() => applyLanguage(language), [language]);
  useEffect(() => {
    if (!key) return;
    const opened = connectBroker({
      username: simulatorId,
      password: key,
      tag: 'page',
      filters: [topicFilter('deviceConfig'), topicFilter('simOutput')],
      online: setOnline,
      message: (m) => {
        if (m.name === 'deviceConfig') setConfigs((all) => ({ ...all, [m.id]: m.value }));
        if (m.name !== 'simOutput') return;
        setOutputs((all) => ({ ...all, [m.id]: m.value }));
        const { printed, lastTicket } = m.value;
        if (printed === undefined || lastTicket === undefined) return;
        setTickets((all) => {
          const mine = all[m.id] ?? [];
          if (mine.some((ticket) => ticket.n === printed)) return all;
          return { ...all, [m.id]: [{ n: printed, receipt: decodeEscpos(bytesOf(lastTicket)) }, ...mine].slice(0, ticketsShown) };
        });
      },
    });
    setBroker(opened);
    return () => opened.close();
  }, [key]);

  const all = Object.values(configs);
  const counters = all.filter((c): c is CounterConfig => c.role === 'counter').sort((a, b) => a.number - b.number);
  // Kiosks, like screens, in the order of the counters they print for: the entrance hall's first.
  const firstCounterOf = (k: KioskConfig) => Math.min(...counters.filter((c) => k.buttons.some((b) => c.serviceIds.includes(b.serviceId))).map((c) => c.number));
  const kiosks = all.filter((c): c is KioskConfig => c.role === 'kiosk').sort((a, b) => firstCounterOf(a) - firstCounterOf(b) || a.deviceId.localeCompare(b.deviceId));
  // The same for the screens, whatever order the configurations came in.
  const displays = all.filter((c): c is DisplayConfig => c.role === 'display').sort((a, b) => Math.min(...a.counterNumbers) - Math.min(...b.counterNumbers));
  const shownDisplay = displayId || displays[0]?.deviceId || '';
  // What the counters serve and where they are, in the kiosks' words: the buttons name each service.
  const buttonOf = new Map(kiosks.flatMap((k) => k.buttons.map((b) => [b.serviceId, { kiosk: k.name[language], label: `${b.letter} ${b.name[language]}` }] as const)));
  const firstService = kiosks[0]?.buttons.find((b) => counters.some((c) => c.serviceIds.includes(b.serviceId)));
  const firstCounter = firstService && counters.find((c) => c.serviceIds.includes(firstService.serviceId));
  const sendTo = (deviceId: string) => (input: SimInput) => broker?.publish('simInput', deviceId, input);
  const other: Language = language === 'cs' ? 'en' : 'cs';

  return (
    <div class="virtual">
      <header class="top">
        <h1>{t.title}</h1>
        <button type="button" class="link" lang={other} onClick={() => setLanguage(other)}>
          {t.switchTo}
        </button>
      </header>
      <main class="virtual-main">
        <p>{t.intro}</p>
        {firstService && firstCounter ? (
          <>
            <p id="first-steps">{t.firstSteps}:</p>
            <ol class="first-steps" aria-labelledby="first-steps">
              <li>{t.stepTicket(kiosks[0]!.name[language], `${firstService.letter} ${firstService.name[language]}`)}</li>
              <li>{t.stepCall(firstCounter.number)}</li>
              <li>{t.stepMore}</li>
            </ol>
          </>
        ) : null}
        {!key ? <p role="alert">{t.noKey}</p> : null}
        {key && !online ? (
          <p class="offline" role="status">
            {t.offline}
          </p>
        ) : null}
        <div class="columns">
          <div>
            <section aria-labelledby="kiosks">
              <h2 id="kiosks">{t.kiosks}</h2>
              <div class="devices">
                {kiosks.map((config) => (
                  <KioskPanel
                    key={config.deviceId}
                    config={config}
                    output={outputs[config.deviceId]}
                    tickets={tickets[config.deviceId] ?? []}
                    t={t}
                    language={language}
                    send={sendTo(config.deviceId)}
                  />
                ))}
              </div>
            </section>
            <section aria-labelledby="counters">
              <h2 id="counters">{t.counters}</h2>
              <div class="devices">
                {counters.map((config) => (
                  <CounterPanel
                    key={config.deviceId}
                    config={config}
                    output={outputs[config.deviceId]}
                    services={config.serviceIds.map((id) => buttonOf.get(id)?.label ?? id)}
                    place={buttonOf.get(config.serviceIds[0] ?? '')?.kiosk}
                    t={t}
                    send={sendTo(config.deviceId)}
                  />
                ))}
              </div>
            </section>
          </div>
          <section class="hall-column" aria-labelledby="hall">
            <h2 id="hall">{t.hall}</h2>
            {displays.length > 1 ? (
              <label>
                {t.whichScreen}{' '}
                <select value={shownDisplay} onChange={(e) => setDisplayId((e.target as HTMLSelectElement).value)}>
                  {displays.map((d) => (
                    <option key={d.deviceId} value={d.deviceId}>
                      {d.name[language]}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {shownDisplay && key ? <HallBoard key={shownDisplay} displayId={shownDisplay} login={{ username: simulatorId, password: key }} embedded /> : null}
            <p class="announced-caption">{t.announced} ↑</p>
          </section>
        </div>
      </main>
    </div>
  );
}
