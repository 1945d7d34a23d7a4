import { officeZone } from '../../shared/calendar/office-calendar.ts';
import type { Language, LocalizedText } from '../../shared/config/localized.ts';
import { serviceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { formatTime } from '../../shared/texts/booking-texts.ts';
import { plural } from '../../shared/texts/plural.ts';
import type { Booking } from './booking-state.ts';

/**
 * The text messages, in the language of the booking only (a message in both would cost two more
 * parts): what the e-mail says first, short. Every one is sent as UCS-2, so the diacritics arrive.
 */

/** The code's window as times (the kiosk's name is in the e-mail; here it would cost another part). */
function where(config: OfficeConfig, booking: Booking, l: Language): string {
  const from = formatTime(booking.startsAt - config.booking.checkInEarlyMinutes * 60_000, l);
  const to = formatTime(booking.startsAt + config.booking.checkInLateMinutes * 60_000, l);
  return l === 'cs' ? `Na kiosku ho zadejte ${from}–${to}.` : `Type it at the kiosk ${from}–${to}.`;
}

const shortDay = {
  cs: new Intl.DateTimeFormat('cs', { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: officeZone }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: officeZone }),
};

/** The office first: the citizen does not know the sender's number. */
const opening = (config: OfficeConfig, booking: Booking, l: Language) =>
  `${config.office.name[l]}: ${serviceOf(config, booking.serviceId).name[l]} ${shortDay[l].format(booking.startsAt)} ${l === 'cs' ? 'v' : 'at'} ${formatTime(booking.startsAt, l)}`;

/** Once confirmed; `moved`: again for the new time (the code stays). */
export function codeSms(config: OfficeConfig, booking: Booking, moved = false): string {
  const l = booking.language;
  const heading = l === 'cs' ? (moved ? 'nový termín' : 'rezervace') : moved ? 'new time' : 'booking';
  return `${opening(config, booking, l)}, ${heading}, ${l === 'cs' ? 'kód' : 'code'} ${booking.code}. ${where(config, booking, l)}`;
}

export function reminderSms(config: OfficeConfig, booking: Booking): string {
  const l = booking.language;
  return `${opening(config, booking, l)}, ${l === 'cs' ? 'připomínka, kód' : 'reminder, code'} ${booking.code}. ${where(config, booking, l)}`;
}

/** The crisis switch cancelled the booking; `notice` is the office's own words, with the workplace's phone after. */
export function crisisSms(config: OfficeConfig, booking: Booking, notice: LocalizedText): string {
  const l = booking.language;
  const phone = config.workplaces.find((w) => w.id === booking.workplaceId)?.phone;
  return l === 'cs'
    ? `${opening(config, booking, l)} – rezervace zrušena. ${notice.cs}${phone ? ` Tel. ${phone}` : ''}`
    : `${opening(config, booking, l)} – booking cancelled. ${notice.en}${phone ? ` Phone ${phone}` : ''}`;
}

const ahead = {
  cs: { one: 'před vámi je {n} člověk', few: 'před vámi jsou {n} lidé', other: 'před vámi je {n} lidí' },
  en: { one: '{n} person is ahead of you', other: '{n} people are ahead of you' },
};

/** "Your turn is near", or the call itself when it came first. */
export function turnSms(number: string, l: Language, status: { ahead: number; counterNumber: number | null }): string {
  if (status.counterNumber !== null) return l === 'cs' ? `Lístek ${number}: jste na řadě, přepážka ${status.counterNumber}.` : `Ticket ${number}: it is your turn, counter ${status.counterNumber}.`;
  const back = l === 'cs' ? 'Vraťte se prosím do haly.' : 'Please come back to the hall.';
  if (status.ahead === 0) return l === 'cs' ? `Lístek ${number}: jste další na řadě. ${back}` : `Ticket ${number}: you are next. ${back}`;
  return `${l === 'cs' ? 'Lístek' : 'Ticket'} ${number}: ${plural(l, status.ahead, ahead[l])}. ${back}`;
}
