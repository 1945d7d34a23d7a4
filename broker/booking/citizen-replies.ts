import { createHash } from 'node:crypto';
import { type CancelPreview, type ConfirmReply, type HoldReply, type HoldRequest, maxLinkResends, type ResendReply } from '../../shared/contract/booking-api.ts';
import type { PhoneBookingRequest } from '../../shared/contract/staff-api.ts';
import type { Booking, Person } from './booking-state.ts';
import { emailKey } from './email-key.ts';

/**
 * What a citizen's request becomes and what the answer says, the same at an office server
 * (citizen-bookings.ts) and at the hub (hub/hub-desk.ts).
 */

export const personOf = (request: HoldRequest): Person => ({
  name: request.name,
  email: request.email.trim(),
  emailKey: emailKey(request.email),
  ...(request.phone ? { phone: request.phone } : {}),
});

/** A caller booked by staff: the e-mail and the phone only if they gave them. */
export const callerOf = (request: Pick<PhoneBookingRequest, 'name' | 'email' | 'phone'>): Person => ({
  name: request.name,
  email: request.email ?? '',
  emailKey: request.email ? emailKey(request.email) : '',
  ...(request.phone ? { phone: request.phone } : {}),
});

/** The client address keyed with the office's salt: the limits count it, it is never stored plain. */
export const clientKeyOf = (addressSalt: string, clientAddress: string): string => createHash('sha256').update(`${addressSalt}/${clientAddress}`).digest('base64url').slice(0, 22);

export const holdReplyOf = (booking: Readonly<Booking>, person: Person): HoldReply => ({
  heldUntil: booking.heldUntil,
  startsAt: booking.startsAt,
  serviceId: booking.serviceId,
  holdId: booking.id,
  sentTo: person.email,
});

export const resendReplyOf = (booking: Readonly<Booking> & { person: Person }): ResendReply => ({ sentTo: booking.person.email, resendsLeft: maxLinkResends - (booking.resends ?? 0) });

export const confirmReplyOf = (booking: Readonly<Booking>, first: boolean): ConfirmReply => ({
  serviceId: booking.serviceId,
  startsAt: booking.startsAt,
  code: booking.code!,
  alreadyConfirmed: !first,
});

export const placeOf = (booking: Readonly<Booking>): CancelPreview => ({ serviceId: booking.serviceId, startsAt: booking.startsAt });
