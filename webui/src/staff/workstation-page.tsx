import { useEffect, useState } from 'preact/hooks';
import type { CounterAct, pauseReasons } from '../../../shared/contract/counter.ts';
import type { Dashboard, StaffSession, UpNext, Workstation } from '../../../shared/contract/staff-api.ts';
import { formatTime } from '../../../shared/texts/booking-texts.ts';
import { usePolling } from '../pages/polling.ts';
import { serviceName } from '../service-name.ts';
import { ClientCard } from './client-card.tsx';
import { DataTable } from './data-table.tsx';
import { refusal } from './refusal.ts';
import { staffCall, staffPoll } from './staff-call.ts';
import type { StaffPageProps } from './staff-page-props.ts';
import { workstationTexts } from './workstation-texts.ts';

type PauseReason = (typeof pauseReasons)[number];

/** The buttons a clerk presses all day, each with its key (the same in both languages): one hand stays on the keyboard. */
const keys = { next: 'N', recall: 'V', noShow: 'X', done: 'H', park: 'O', pause: 'P' } as const;

/** "Přepážka": the page a clerk keeps open all day, for the counter their session sits at, beside or instead of the box. */
export function WorkstationPage(props: StaffPageProps) {
  const { t, language, info, session } = props;
  const w = workstationTexts[language];
  const [refresh, setRefresh] = useState(0);
  // Under a second: the page and the box are two front ends of one counter, and must agree.
  const result = usePolling<Workstation>(`/api/staff/workstation?c=${session.counterId ?? ''}&r=${refresh}`, 700, staffPoll<Workstation>);
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState<PauseReason | ''>('');
  const [toService, setToService] = useState('');
  const [toCounter, setToCounter] = useState('');
  const [profile, setProfile] = useState<string[] | null>(null);
  const desk = result?.ok ? result.data : null;

  const send = async (command: CounterAct) => {
    const r = await staffCall('POST', '/api/staff/workstation/command', { commandId: crypto.randomUUID().replaceAll('-', ''), ...command });
    const code = r.ok ? '' : r.error.code;
    setMessage(r.ok ? '' : `${w.failed} ${(w.errors as Record<string, string>)[code] ?? t.failed}`);
    setRefresh((n) => n + 1);
  };
  const paused = desk?.counter.status === 'paused';
  const pressKey: Record<string, () => void> = {
    [keys.next]: () => void send({ action: 'next' }),
    [keys.recall]: () => void send({ action: 'recall' }),
    [keys.noShow]: () => void send({ action: 'noShow' }),
    [keys.done]: () => void send({ action: 'done' }),
    [keys.park]: () => void send({ action: 'park' }),
    [keys.pause]: () => void send(paused ? { action: 'resume' } : { action: 'pause', ...(reason ? { reason } : {}) }),
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement;
      if (typing || event.ctrlKey || event.altKey || event.metaKey) return;
      const act = pressKey[event.key.toUpperCase()];
      if (!act) return;
      event.preventDefault();
      act();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  if (!session.counterId) return <SitDown {...props} />;
  if (!result) return <p role="status">{t.loading}</p>;
  if (!desk) return <p role="alert">{result.ok ? null : result.error.code === 'network' ? w.away : t.failed}</p>;
  const nameOf = (id: string) => serviceName(info, id, language);
  const upNextText = (next: UpNext | null) =>
    next === null ? w.nobody : `${next.number ?? w.nobody} (${t.dashboard.why[next.reason](next.bookedAt === null ? '' : formatTime(next.bookedAt, language))})`;
  const chosen = profile ?? desk.counter.profile ?? desk.counter.serviceIds;
  const button = (label: string, key: string) => (
    <button type="button" class="big" aria-keyshortcuts={key} onClick={pressKey[key]}>
      {label} <kbd>{key}</kbd>
    </button>
  );

  return (
    <>
      <h1>
        {w.heading(desk.counter.number)} <span class="sub">({paused ? `${w.paused}: ${desk.counter.pauseReason ? w.reasons[desk.counter.pauseReason] : w.noReason}` : w.open})</span>
      </h1>
      <div role="alert">{result.ok ? null : <p class="error">{w.away}</p>}</div>
      <section aria-labelledby="current" class="panel">
        <h2 id="current">{w.current}</h2>
        <ClientCard client={desk.current} w={w} language={language} info={info} />
      </section>
      <section aria-labelledby="actions" class="panel">
        <h2 id="actions">{w.actions}</h2>
        <p>
          {w.upNext}: <strong>{upNextText(desk.upNext)}</strong>
        </p>
        <div class="actions">
          {button(w.next, keys.next)}
          {button(w.recall, keys.recall)}
          {button(w.noShow, keys.noShow)}
          {button(w.done, keys.done)}
          {button(w.park, keys.park)}
          {button(paused ? w.resume : w.pause, keys.pause)}
        </div>
        <label for="pause-reason">{w.pauseReason}</label>{' '}
        <select id="pause-reason" value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as PauseReason | '')}>
          <option value="">{w.noReason}</option>
          {(Object.keys(w.reasons) as PauseReason[]).map((r) => (
            <option key={r} value={r}>
              {w.reasons[r]}
            </option>
          ))}
        </select>
        <p role="status">{message}</p>
        <fieldset>
          <legend>{w.transfer}</legend>
          <label for="to-service">{w.toService}</label>{' '}
          <select id="to-service" value={toService} onChange={(e) => setToService((e.target as HTMLSelectElement).value)}>
            <option value="">{w.choose}</option>
            {info.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name[language]}
              </option>
            ))}
          </select>{' '}
          <button type="button" disabled={!toService} onClick={() => void send({ action: 'transfer', serviceId: toService })}>
            {w.transferService}
          </button>{' '}
          <label for="to-counter">{w.toCounter}</label>{' '}
          <select id="to-counter" value={toCounter} onChange={(e) => setToCounter((e.target as HTMLSelectElement).value)}>
            <option value="">{w.choose}</option>
            {desk.otherCounters.map((c) => (
              <option key={c.counterId} value={c.counterId}>
                {c.number}
              </option>
            ))}
          </select>{' '}
          <button type="button" disabled={!toCounter} onClick={() => void send({ action: 'transferToCounter', counterId: toCounter })}>
            {w.transferCounter}
          </button>
        </fieldset>
      </section>
      <section aria-labelledby="lines">
        <h2 id="lines">{w.lines}</h2>
        {desk.handedOver.length > 0 ? (
          <p>
            {w.handedOver}: {desk.handedOver.join(', ')}
          </p>
        ) : null}
        {desk.lines.map((line) => (
          <div key={line.serviceId}>
            <h3>{nameOf(line.serviceId)}</h3>
            {line.waiting.length === 0 ? (
              <p>{w.nobodyWaits}</p>
            ) : (
              <ul class="waiting">
                {line.waiting.map((ticket) => (
                  <li key={ticket.number}>
                    <button type="button" aria-label={w.callOut(ticket.number)} onClick={() => void send({ action: 'callTicket', number: ticket.number })}>
                      {ticket.number}
                    </button>{' '}
                    {ticket.bookedAt === null ? w.waitingFor(w.minutes(ticket.waitingMinutes)) : w.bookedAt(formatTime(ticket.bookedAt, language))}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
      <section aria-labelledby="parked">
        <h2 id="parked">{w.parked}</h2>
        {desk.parked.length === 0 ? (
          <p>{w.nobody}</p>
        ) : (
          <ul class="waiting">
            {desk.parked.map((p) => (
              <li key={p.number}>
                <button type="button" onClick={() => void send({ action: 'callParked', number: p.number })}>
                  {w.callBack(p.number)}
                </button>{' '}
                {nameOf(p.serviceId)}, {w.parkedSince(formatTime(p.parkedAt, language))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="due">
        <h2 id="due">{w.due}</h2>
        {desk.dueBookings.length === 0 ? (
          <p>{w.dueNone}</p>
        ) : (
          <DataTable
            rows={desk.dueBookings}
            rowKey={(b) => `${b.startsAt}/${b.name}`}
            columns={[
              { heading: w.time, cell: (b) => formatTime(b.startsAt, language) },
              { heading: w.service, cell: (b) => nameOf(b.serviceId) },
              { heading: w.name, cell: (b) => b.name ?? '—' },
              { heading: w.checkedIn, cell: (b) => (b.ticketNumber ? w.ticket(b.ticketNumber) : w.notYet) },
            ]}
          />
        )}
      </section>
      <fieldset class="panel">
        <legend>{w.profile}</legend>
        <p>{w.profileHint}</p>
        <ol>
          {[...chosen, ...desk.counter.serviceIds.filter((id) => !chosen.includes(id))].map((id, k) => (
            <li key={id}>
              <label>
                <input type="checkbox" checked={chosen.includes(id)} onChange={() => setProfile(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id])} /> {nameOf(id)}
              </label>
              {k > 0 && chosen.includes(id) ? (
                <button type="button" aria-label={w.moveUp(nameOf(id))} onClick={() => setProfile([...chosen.slice(0, k - 1), id, chosen[k - 1]!, ...chosen.slice(k + 1)])}>
                  ↑
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => {
            void send({ action: 'setProfile', serviceIds: chosen });
            setProfile(null);
          }}
        >
          {w.saveProfile}
        </button>
      </fieldset>
    </>
  );
}

/** Before the page can act, the clerk says where they sit (the overview's choice, the same record). */
function SitDown({ t, language, session, setSession, errors }: StaffPageProps) {
  const w = workstationTexts[language];
  const [counters, setCounters] = useState<Dashboard['counters']>([]);
  const [problem, setProblem] = useState('');
  useEffect(() => void staffCall<Dashboard>('GET', '/api/staff/dashboard').then((r) => r.ok && setCounters(r.data.counters)), []);
  const sit = async (counterId: string) => {
    const r = await staffCall<StaffSession>('PUT', '/api/staff/my-counter', { counterId: counterId || null });
    if (r.ok) setSession(r.data);
    else setProblem(refusal(r.error, language, errors, t.failed).text);
  };
  return (
    <>
      <h1>{t.nav.workstation}</h1>
      <p>{w.notSeated}</p>
      <label>
        {w.sitAt}{' '}
        <select value={session.counterId ?? ''} onChange={(e) => void sit((e.target as HTMLSelectElement).value)}>
          <option value="">{w.choose}</option>
          {counters.map((c) => (
            <option key={c.counterId} value={c.counterId}>
              {c.number}
              {c.clerk ? ` (${c.clerk})` : ''}
            </option>
          ))}
        </select>
      </label>
      <p role="alert">{problem}</p>
    </>
  );
}
