/**
 * Where the citizen is in the booking, kept in the address: each step is its own history entry,
 * so the browser's Back returns to the previous step and a reload keeps the choices so far (as on
 * GOV.UK). The address is read strictly: a step whose earlier choices are missing or malformed
 * falls back to the last step that is complete.
 */
export type Step = 'service' | 'day' | 'time' | 'details' | 'sent';
export interface BookingChoice {
  step: Step;
  serviceId: string;
  day: string;
  startsAt: number | null;
}

const start: BookingChoice = { step: 'service', serviceId: '', day: '', startsAt: null };
const keys = ['step', 'service', 'day', 'time'] as const;

/** The choice an address holds; `known` says which services can be booked. */
export function choiceFrom(search: string, known: (serviceId: string) => boolean): BookingChoice {
  const q = new URLSearchParams(search);
  const serviceId = q.get('service') ?? '';
  const day = q.get('day') ?? '';
  const time = Number(q.get('time'));
  const step = q.get('step');
  if (!known(serviceId)) return start;
  const withService = { ...start, step: 'day' as const, serviceId };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || step === 'day') return withService;
  const withDay = { ...withService, step: 'time' as const, day };
  if (!Number.isSafeInteger(time) || time <= 0 || step === 'time') return withDay;
  // "sent" is never restored: the hold's answer is not in the address, and a reload must not resend.
  return { ...withDay, step: 'details', startsAt: time };
}

/** The address of a choice, keeping the address's other parameters (the language). */
export function addressOf(choice: BookingChoice, search: string): string {
  const q = new URLSearchParams(search);
  for (const key of keys) q.delete(key);
  if (choice.step !== 'service') {
    q.set('step', choice.step);
    q.set('service', choice.serviceId);
    if (choice.day) q.set('day', choice.day);
    if (choice.startsAt !== null) q.set('time', String(choice.startsAt));
  }
  const query = q.toString();
  return query ? `/?${query}` : '/';
}
