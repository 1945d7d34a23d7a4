import { checkInKiosk } from '../../shared/config/check-in-kiosks.ts';
import type { Language } from '../../shared/config/localized.ts';
import { serviceOf, workplaceOf } from '../../shared/config/lookups.ts';
import { publicBase } from '../../shared/config/public-address.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { bringConfirmation, formatAppointment, visitInstructions } from '../../shared/texts/booking-texts.ts';
import { duration } from '../../shared/texts/durations.ts';
import { calendarText } from '../mail/ics.ts';
import { escapeHtml, type MailMessage } from '../mail/mailer.ts';
import type { Booking, Person } from './booking-state.ts';

/**
 * The booking e-mails. Each is written in the language the citizen booked in, with the other
 * language below it; times are Prague time. A part is a list of paragraphs; a link is its own paragraph.
 */
type Paragraph = string | { link: string; label: string };
type Part = { subject: string; body: Paragraph[] };

const other = (language: Language): Language => (language === 'cs' ? 'en' : 'cs');

function compose(about: string, to: string, language: Language, parts: Record<Language, Part>, calendar?: MailMessage['calendar']): MailMessage {
  const order = [parts[language], parts[other(language)]];
  const text = order.map((p) => p.body.map((b) => (typeof b === 'string' ? b : `${b.label}: ${b.link}`)).join('\n\n')).join('\n\n----------\n\n');
  const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(parts[language].subject)}</title></head><body>${order
    .map(
      (p, k) =>
        `<div lang="${k === 0 ? language : other(language)}">${p.body.map((b) => (typeof b === 'string' ? `<p>${escapeHtml(b)}</p>` : `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`)).join('')}</div>`,
    )
    .join('<hr>')}</body></html>`;
  return { to, subject: parts[language].subject, text, html, calendar, about };
}

function names(config: OfficeConfig, booking: Booking) {
  const service = serviceOf(config, booking.serviceId);
  const workplace = workplaceOf(config, booking.workplaceId);
  return { service: service.name, workplace, office: config.office.name, kiosk: checkInKiosk(config, booking.workplaceId)?.name };
}

/** The first mail: the link to the page whose button confirms the hold. */
export function holdMail(config: OfficeConfig, booking: Booking, person: Person): MailMessage {
  const { service, office } = names(config, booking);
  // The page opens in the language of the booking, on whatever device the mail is read.
  const link = `${publicBase(config)}/confirm/${booking.confirmToken}?lang=${booking.language}`;
  const minutes = config.booking.holdMinutes;
  const part = (l: Language): Part => ({
    subject:
      l === 'cs' ? `Potvrďte rezervaci: ${service.cs}, ${formatAppointment(booking.startsAt, 'cs')}` : `Please confirm your booking: ${service.en}, ${formatAppointment(booking.startsAt, 'en')}`,
    body:
      l === 'cs'
        ? [
            `Dobrý den,`,
            `držíme pro vás termín ${formatAppointment(booking.startsAt, 'cs')} (${service.cs}, ${office.cs}).`,
            `Rezervaci potvrďte do ${duration('cs', minutes, 'minutesGenitive')} tlačítkem na stránce:`,
            { link, label: 'Potvrdit rezervaci' },
            'Pokud jste o rezervaci nežádali, e-mail ignorujte; termín se sám uvolní.',
          ]
        : [
            `Hello,`,
            `we are holding ${formatAppointment(booking.startsAt, 'en')} for you (${service.en}, ${office.en}).`,
            `Please confirm within ${duration('en', minutes, 'minutesGenitive')} with the button on this page:`,
            { link, label: 'Confirm the booking' },
            'If you did not ask for this booking, ignore this e-mail; the time will be released.',
          ],
  });
  return compose(booking.id, person.email, booking.language, { cs: part('cs'), en: part('en') });
}

function event(config: OfficeConfig, booking: Booking, person: Person, method: 'REQUEST' | 'CANCEL', now: number) {
  const { service, workplace, office, kiosk } = names(config, booking);
  const slot = serviceOf(config, booking.serviceId).booking?.slotMinutes ?? 15;
  const address = config.mail.from.match(/<([^>]+)>/)?.[1] ?? config.mail.from;
  return {
    method,
    content: calendarText({
      uid: `${booking.id}@fronta`,
      sequence: booking.icsSequence,
      method,
      start: booking.startsAt,
      end: booking.startsAt + slot * 60_000,
      stamp: now,
      summary: `${service.cs} – ${office.cs}`,
      location: [office.cs, workplace.name.cs, config.office.address].filter(Boolean).join(', '),
      description:
        method === 'REQUEST'
          ? `Kód: ${booking.code}. ${visitInstructions('cs', config.booking.checkInEarlyMinutes, config.booking.checkInLateMinutes, kiosk?.cs).join(' ')}`
          : 'Rezervace byla zrušena.',
      organizer: { name: office.cs, email: address },
      attendee: { name: person.name, email: person.email },
    }),
  };
}

/** The second mail: the identification code, the seed's instructions, and the calendar invitation; `moved`: sent again for a new time (the entry's update). */
export function codeMail(config: OfficeConfig, booking: Booking, person: Person, now: number, moved = false): MailMessage {
  const { service, workplace, office, kiosk } = names(config, booking);
  const { checkInEarlyMinutes: early, checkInLateMinutes: late } = config.booking;
  const cancelLink = `${publicBase(config)}/cancel?lang=${booking.language}`;
  const part = (l: Language): Part => ({
    subject: moved
      ? l === 'cs'
        ? `Termín změněn: ${formatAppointment(booking.startsAt, 'cs')}, kód ${booking.code}`
        : `Time changed: ${formatAppointment(booking.startsAt, 'en')}, code ${booking.code}`
      : l === 'cs'
        ? `Rezervace potvrzena: kód ${booking.code}`
        : `Booking confirmed: code ${booking.code}`,
    body: [
      moved
        ? l === 'cs'
          ? 'Termín vaší rezervace je změněn; kód zůstává stejný.'
          : 'Your booking has a new time; the code stays the same.'
        : l === 'cs'
          ? `Vaše rezervace je potvrzena.`
          : 'Your booking is confirmed.',
      l === 'cs' ? `Identifikační kód: ${booking.code}` : `Identification code: ${booking.code}`,
      `${service[l]}, ${formatAppointment(booking.startsAt, l)}`,
      `${office[l]} – ${workplace.name[l]}`,
      ...(config.office.address ? [config.office.address] : []),
      bringConfirmation[l],
      ...visitInstructions(l, early, late, kiosk?.[l]),
      { link: cancelLink, label: l === 'cs' ? 'Změnit termín nebo zrušit rezervaci' : 'Change the time or cancel the booking' },
    ],
  });
  return compose(booking.id, person.email, booking.language, { cs: part('cs'), en: part('en') }, event(config, booking, person, 'REQUEST', now));
}

/** The day before (reminders.ts): the code, the time and place, the kiosk, what to bring, and how to cancel. */
export function reminderMail(config: OfficeConfig, booking: Booking, person: Person): MailMessage {
  const { service, workplace, office, kiosk } = names(config, booking);
  const { checkInEarlyMinutes: early, checkInLateMinutes: late } = config.booking;
  const bring = serviceOf(config, booking.serviceId).bring;
  const cancelLink = `${publicBase(config)}/cancel?lang=${booking.language}`;
  const part = (l: Language): Part => ({
    subject: l === 'cs' ? `Připomínka: ${service.cs}, ${formatAppointment(booking.startsAt, 'cs')}` : `Reminder: ${service.en}, ${formatAppointment(booking.startsAt, 'en')}`,
    body: [
      l === 'cs'
        ? `Připomínáme vaši rezervaci: ${service.cs}, ${formatAppointment(booking.startsAt, 'cs')}.`
        : `A reminder of your booking: ${service.en}, ${formatAppointment(booking.startsAt, 'en')}.`,
      l === 'cs' ? `Identifikační kód: ${booking.code}` : `Identification code: ${booking.code}`,
      `${office[l]} – ${workplace.name[l]}`,
      ...(config.office.address ? [config.office.address] : []),
      ...(bring ? [l === 'cs' ? `S sebou: ${bring.cs}` : `Please bring: ${bring.en}`] : []),
      ...visitInstructions(l, early, late, kiosk?.[l]),
      l === 'cs' ? 'Nemůžete přijít? Zrušte prosím rezervaci, ať termín dostane někdo jiný:' : 'Cannot come? Please cancel, so that someone else gets the time:',
      { link: cancelLink, label: l === 'cs' ? 'Zrušit rezervaci' : 'Cancel the booking' },
    ],
  });
  return compose(booking.id, person.email, booking.language, { cs: part('cs'), en: part('en') });
}

/** Sent when a booking is cancelled, by the citizen or by the office (`notice` says why). */
export function cancelMail(config: OfficeConfig, booking: Booking, person: Person, now: number, notice?: { cs: string; en: string }): MailMessage {
  const { service, workplace } = names(config, booking);
  const part = (l: Language): Part => ({
    subject: l === 'cs' ? `Rezervace zrušena: ${service.cs}, ${formatAppointment(booking.startsAt, 'cs')}` : `Booking cancelled: ${service.en}, ${formatAppointment(booking.startsAt, 'en')}`,
    body: [
      l === 'cs'
        ? `Vaše rezervace (${service.cs}, ${formatAppointment(booking.startsAt, 'cs')}) je zrušena.`
        : `Your booking (${service.en}, ${formatAppointment(booking.startsAt, 'en')}) is cancelled.`,
      ...(notice ? [notice[l], l === 'cs' ? `Kontakt na pracoviště: ${workplace.phone}, ${workplace.email}` : `Contact the workplace: ${workplace.phone}, ${workplace.email}`] : []),
    ],
  });
  return compose(booking.id, person.email, booking.language, { cs: part('cs'), en: part('en') }, event(config, booking, person, 'CANCEL', now));
}
