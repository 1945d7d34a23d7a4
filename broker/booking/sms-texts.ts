import { checkInKiosk } from '../../shared/config/check-in-kiosks.ts';
import type { Language, LocalizedText } from '../../shared/config/localized.ts';
import { serviceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { formatAppointment } from '../../shared/texts/booking-texts.ts';
import { duration } from '../../shared/texts/durations.ts';
import { plural } from '../../shared/texts/plural.ts';
import type { Booking } from './booking-state.ts';

/**
 * The text messages, in the language of the booking only (a message in both would cost two more
 * parts): what the e-mail says first, short. Every one is sent as UCS-2, so the diacritics arrive.
 */

function where(config: OfficeConfig, booking: Booking, l: Language): string {
  const kiosk = checkInKiosk(config, booking.workplaceId)?.name[l];
  const early = duration(l, config.booking.checkInEarlyMinutes, 'minutesAccusative');
  if (l === 'cs') return `Kód zadejte na kiosku${kiosk ? ` (${kiosk})` : ''} nejdříve ${early} před časem.`;
  return `Type the code at the kiosk${kiosk ? ` (${kiosk})` : ''} at most ${early} before the time.`;
}

const opening = (config: OfficeConfig, booking: Booking, l: Language) => `${config.office.name[l]}, ${serviceOf(config, booking.serviceId).name[l]}, ${formatAppointment(booking.startsAt, l)}`;

/** Once confirmed; `moved`: again for the new time (the code stays). */
export function codeSms(config: OfficeConfig, booking: Booking, moved = false): string {
  const l = booking.language;
  const heading = l === 'cs' ? (moved ? 'Termín změněn' : 'Rezervace potvrzena') : moved ? 'Time changed' : 'Booking confirmed';
  return `${heading}: ${opening(config, booking, l)}. ${l === 'cs' ? 'Kód' : 'Code'} ${booking.code}. ${where(config, booking, l)}`;
}

export function reminderSms(config: OfficeConfig, booking: Booking): string {
  const l = booking.language;
  return `${l === 'cs' ? 'Připomínka' : 'Reminder'}: ${opening(config, booking, l)}. ${l === 'cs' ? 'Kód' : 'Code'} ${booking.code}. ${where(config, booking, l)}`;
}

/** The crisis switch cancelled the booking; `notice` is the office's own words, with the workplace's phone after. */
export function crisisSms(config: OfficeConfig, booking: Booking, notice: LocalizedText): string {
  const l = booking.language;
  const phone = config.workplaces.find((w) => w.id === booking.workplaceId)?.phone;
  return l === 'cs'
    ? `Rezervace zrušena: ${opening(config, booking, l)}. ${notice.cs}${phone ? ` Tel. ${phone}` : ''}`
    : `Booking cancelled: ${opening(config, booking, l)}. ${notice.en}${phone ? ` Phone ${phone}` : ''}`;
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
