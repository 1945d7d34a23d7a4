import { useEffect, useMemo, useState } from 'preact/hooks';
import type { OfficeInfo } from '../../../shared/contract/booking-api.ts';
import type { DeviceConfig } from '../../../shared/contract/device.ts';
import type { HallCall } from '../../../shared/contract/hall.ts';
import type { ServiceStatus } from '../../../shared/contract/service.ts';
import { plural } from '../../../shared/texts/plural.ts';
import { call } from '../api.ts';
import { Announcer } from './announcer.ts';
import { connectHall, type HallLogin } from './hall-link.ts';
import { chime, speak } from './sound.ts';
import './hall.css';

const waitingText = (n: number) => ({
  cs: n === 0 ? 'nikdo nečeká' : plural('cs', n, { one: 'čeká {n} osoba', few: 'čekají {n} osoby', other: 'čeká {n} osob' }),
  en: n === 0 ? 'nobody waiting' : plural('en', n, { one: '{n} person waiting', other: '{n} people waiting' }),
});

/**
 * The hall TV (`/hall?display=obrazovka-hala#key=…`). The key is the display's secret; in the
 * fragment, it never leaves the browser except to the broker.
 */
export function HallPage() {
  const displayId = new URLSearchParams(location.search).get('display') ?? '';
  const key = new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
  if (!displayId || !key) return <p class="hall-error">Chybí adresa obrazovky (?display=…#key=…) / The screen address is incomplete.</p>;
  return <HallBoard displayId={displayId} login={{ username: displayId, password: key }} />;
}

/**
 * One hall screen: the latest calls, the newest one large, waiting counts per service, a chime and
 * a spoken call for each call and recall. The virtual office shows the same board.
 */
export function HallBoard({ displayId, login, embedded = false }: { displayId: string; login: HallLogin; embedded?: boolean }) {
  const [online, setOnline] = useState(false);
  const [config, setConfig] = useState<Extract<DeviceConfig, { role: 'display' }> | null>(null);
  const [calls, setCalls] = useState<HallCall[]>([]);
  const [statuses, setStatuses] = useState<Record<string, ServiceStatus>>({});
  const [info, setInfo] = useState<OfficeInfo | null>(null);
  const [, setTick] = useState(0);
  const announcer = useMemo(() => new Announcer(chime, speak, () => setTick((n) => n + 1)), []);

  useEffect(() => {
    void call<OfficeInfo>('GET', '/api/office').then((r) => r.ok && setInfo(r.data));
  }, []);
  useEffect(() => {
    let workplaces: string[] | undefined;
    let latest: HallCall[] | undefined;
    let first = true;
    // Config and calls are both retained and may arrive in either order: act once both are here.
    const update = () => {
      if (!workplaces || !latest) return;
      const mine = latest.filter((c) => workplaces!.includes(c.workplaceId));
      setCalls(mine);
      // What is on the board when the screen (re)starts is history, not news.
      if (first) announcer.startAfter(Math.max(0, ...mine.map((c) => c.seq)));
      first = false;
      announcer.offer(mine);
    };
    return connectHall(displayId, login, {
      online: setOnline,
      config: (c) => {
        if (c.role !== 'display') return;
        setConfig(c);
        workplaces = c.workplaceIds;
        update();
      },
      calls: (message) => {
        latest = message.calls;
        update();
      },
      status: (status) => setStatuses((all) => ({ ...all, [status.serviceId]: status })),
    });
  }, [displayId]);

  const [newest, ...earlier] = calls;
  const services = info?.services.filter((s) => config?.workplaceIds.includes(s.workplaceId)) ?? [];
  // Inside the virtual office the board is one part of a page, not the page.
  const Main = embedded ? 'div' : 'main';
  const Title = embedded ? 'h3' : 'h1';
  return (
    <div class={embedded ? 'hall embedded' : 'hall'} lang="cs">
      <header>
        <Title>{config?.name.cs ?? 'Vyvolávací systém'}</Title>
        {online ? null : (
          <p class="offline" role="status">
            Mimo provoz – připojuji se znovu… <span lang="en">/ Offline – reconnecting…</span>
          </p>
        )}
      </header>
      <Main class="board">
        <section class="newest" aria-label="Právě voláme / Now calling">
          {newest ? (
            <p data-testid="newest">
              <span class="number">{newest.number}</span>
              <span class="arrow" aria-hidden="true">
                →
              </span>
              <span class="counter">
                přepážka {newest.counterNumber} <span lang="en">counter {newest.counterNumber}</span>
              </span>
            </p>
          ) : (
            <p class="idle">Vyčkejte prosím na vyvolání / Please wait to be called</p>
          )}
        </section>
        <section class="earlier" aria-label="Předchozí výzvy / Earlier calls">
          <ol>
            {earlier.slice(0, 8).map((c) => (
              <li key={c.seq}>
                <span class="number">{c.number}</span> → {c.counterNumber}
              </li>
            ))}
          </ol>
        </section>
        <aside aria-label="Čekající / Waiting">
          <ul style={{ '--services': String(Math.max(services.length, 1)) }}>
            {services.map((s) => {
              const waiting = waitingText(statuses[s.id]?.waiting ?? 0);
              return (
                <li key={s.id}>
                  <strong>{s.name.cs}</strong> <span class="count">{waiting.cs}</span>{' '}
                  <span lang="en">
                    {s.name.en}: {waiting.en}
                  </span>
                </li>
              );
            })}
          </ul>
        </aside>
      </Main>
      <ol class="announced" data-testid="announcements" aria-hidden="true">
        {announcer.log.map((a) => (
          <li key={a.seq} data-state={a.state}>
            {a.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
