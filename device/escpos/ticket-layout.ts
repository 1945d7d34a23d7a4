import type { Language, LocalizedText } from '../../shared/config/localized.ts';
import type { Ticket } from '../../shared/contract/kiosk.ts';
import { formatTime } from '../../shared/texts/booking-texts.ts';
import { formatIssuedAt, ticketTexts } from '../../shared/texts/ticket-texts.ts';
import { boldOff, boldOn, type CodePageName, codePages, qrCode, selectCodePage } from './commands.ts';
import { composeEscpos } from './compose-escpos.ts';

export interface TicketPrintout {
  ticket: Ticket;
  officeName: LocalizedText;
  serviceName: LocalizedText;
  codePage?: CodePageName;
}

/**
 * The walk-in ticket, Czech first with English below: the number in large type, the service, date
 * and time, people ahead, the estimated wait, and a QR code for the live status page.
 */
export function ticketBytes({ ticket, officeName, serviceName, codePage = 'pc852' }: TicketPrintout): Uint8Array {
  const both = (text: (language: Language) => string) => [text('cs'), text('en')];
  return composeEscpos(codePages[codePage], (p) => {
    p.hardware('init').print(selectCodePage(codePage)).align('ct');
    p.size(1, 1).text(officeName.cs);
    p.feed(1).size(4, 4).print(boldOn).text(ticket.number).print(boldOff);
    // Double height only: a long Czech service name (Živnostenský rejstřík) still fits 58 mm paper.
    p.size(1, 2).print(boldOn).text(serviceName.cs).print(boldOff);
    p.size(1, 1).text(serviceName.en).text(formatIssuedAt(ticket.issuedAt, 'cs')).feed(1);
    const { booking } = ticket;
    if (booking)
      p.print(boldOn)
        .text(ticketTexts.booked('cs', formatTime(booking.startsAt, 'cs')))
        .print(boldOff)
        .text(ticketTexts.booked('en', formatTime(booking.startsAt, 'en')));
    for (const line of both((l) => ticketTexts.ahead(l, ticket.waitingAhead))) p.text(line);
    for (const line of both((l) => ticketTexts.wait(l, ticket.estimatedWaitMinutes))) p.text(line);
    p.feed(1).text(ticketTexts.qr.cs).text(ticketTexts.qr.en).print(qrCode(ticket.statusUrl));
    p.feed(1).text(ticketTexts.footer.cs).text(ticketTexts.footer.en).cut(false, 4);
  });
}
