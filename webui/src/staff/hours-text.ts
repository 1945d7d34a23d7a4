import type { OpenInterval } from '../../../shared/config/opening-hours.ts';

/** Opening hours as a clerk writes them: `08:00-11:30, 12:30-17:00`; empty is closed. */
export const hoursToText = (hours: OpenInterval[]): string => hours.map((i) => `${i.from}-${i.to}`).join(', ');

/** The intervals of such a text, or null when it does not read as hours (the schema checks order and overlaps). */
export function textToHours(text: string): OpenInterval[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const hours: OpenInterval[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!match) return null;
    const [, h1, m1, h2, m2] = match;
    hours.push({ from: `${h1!.padStart(2, '0')}:${m1}`, to: `${h2!.padStart(2, '0')}:${m2}` });
  }
  return hours;
}
