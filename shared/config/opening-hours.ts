import { z } from 'zod';
import { fieldProblems } from '../texts/issue-texts.ts';

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, fieldProblems.clockTime.en);

export const openInterval = z.strictObject({ from: clockTime, to: clockTime }).refine((i) => i.from < i.to, { message: fieldProblems.hoursOrder.en });
export type OpenInterval = z.infer<typeof openInterval>;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export const dayIntervals = z
  .array(openInterval)
  .max(4)
  .default([])
  .refine((list) => list.every((i, k) => k === 0 || list[k - 1]!.to <= i.from), {
    message: fieldProblems.hoursOverlap.en,
  });

/** Opening hours per weekday, as local (Europe/Prague) wall-clock intervals; a missing day is closed. */
export const weekHours = z.strictObject({
  mon: dayIntervals,
  tue: dayIntervals,
  wed: dayIntervals,
  thu: dayIntervals,
  fri: dayIntervals,
  sat: dayIntervals,
  sun: dayIntervals,
});
export type WeekHours = z.infer<typeof weekHours>;
