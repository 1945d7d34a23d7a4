import { nextOpening, ticketWindow } from '../../shared/calendar/office-calendar.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';

/**
 * Where a demonstration's office clock starts: `FRONTA_START_AT` if given, else now, or the next
 * opening if the office is closed now (outside office hours every button would be dark). `moved`
 * says the clock was moved to the opening, for the script to tell the newcomer.
 */
export function startInstant(config: OfficeConfig, given: string | undefined): { at: number; moved: boolean } {
  if (given) return { at: Date.parse(given), moved: false };
  const now = Date.now();
  if (config.workplaces.some((w) => ticketWindow(config, w, now).open)) return { at: now, moved: false };
  const opening = nextOpening(config, now);
  return opening === undefined ? { at: now, moved: false } : { at: opening, moved: true };
}
