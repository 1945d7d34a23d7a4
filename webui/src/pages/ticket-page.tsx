import type { TicketPage as TicketPageData } from '../../../shared/contract/ticket-status.ts';
import { formatTime } from '../../../shared/texts/booking-texts.ts';
import type { PageProps } from '../page-props.ts';
import { serviceName } from '../service-name.ts';
import { usePolling } from './polling.ts';
import { turnMoment, useTurnAlert } from './turn-alert.ts';
import { TurnSmsForm } from './turn-sms-form.tsx';

/** The ticket's QR code page: its place in the queue, and the counter once it is called. */
export function TicketPage({ t, language, info, token }: PageProps & { token: string }) {
  const result = usePolling<TicketPageData>(`/api/tickets/${token}`);
  const alert = useTurnAlert(token, result?.ok ? result.data : undefined, { near: t.nearTitle, called: t.calledTitle });
  if (result === null) return <p role="status">{t.loading}</p>;
  if (!result.ok) {
    return (
      <>
        <h1>{t.statusTitle}</h1>
        <p role="alert">{result.error.code === 'notFound' ? t.unknownTicket : t.errors[result.error.code]}</p>
      </>
    );
  }
  const ticket = result.data;
  const service = serviceName(info, ticket.serviceId, language);
  return (
    <>
      <h1>{t.ticketTitle(ticket.number)}</h1>
      <p>{service}</p>
      <div role="status" aria-live="polite" class="ticket-state">
        {ticket.state === 'called' && ticket.counterNumber !== null ? <p class="called">{t.calledTo(ticket.counterNumber)}</p> : null}
        {ticket.state === 'waiting' ? (
          <>
            {ticket.booking ? <p>{t.bookedFor(formatTime(ticket.booking.startsAt, language))}</p> : null}
            {turnMoment(ticket) === 'near' ? <p class="near">{t.nearTurn}</p> : null}
            <p>{t.ahead(ticket.ahead)}</p>
            <p>{ticket.estimatedWaitMinutes === 0 ? t.calledSoon : t.estimated(t.minutes(ticket.estimatedWaitMinutes))}</p>
          </>
        ) : null}
        {ticket.state === 'done' ? <p>{t.ticketDone}</p> : null}
        {ticket.state === 'noShow' ? <p>{t.ticketNoShow}</p> : null}
        {ticket.state === 'parked' && ticket.counterNumber !== null ? <p>{t.ticketParked(ticket.counterNumber)}</p> : null}
      </div>
      {ticket.state === 'waiting' ? (
        alert.on ? (
          <p>{t.alertOn}</p>
        ) : (
          <button type="button" onClick={() => void alert.switchOn()}>
            {t.alertMe}
          </button>
        )
      ) : null}
      {ticket.sms.offered && (ticket.state === 'waiting' || ticket.sms.to !== null) ? <TurnSmsForm t={t} language={language} token={token} sms={ticket.sms} /> : null}
      <p>{t.updated(formatTime(ticket.updatedAt, language))}</p>
    </>
  );
}
