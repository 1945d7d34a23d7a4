import Holidays from 'date-holidays';

/**
 * Czech public holidays (statní svátky and ostatní svátky: the office is closed on both) from
 * date-holidays, so moving feasts like Good Friday and Easter Monday are computed, not typed in.
 */
const czech = new Holidays('CZ');
const byYear = new Map<number, Map<string, string>>();

function holidaysOf(year: number): Map<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map(
      czech
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => [h.date.slice(0, 10), h.name] as const),
    );
    byYear.set(year, days);
  }
  return days;
}

/** The holiday's Czech name, or undefined on a working day. `day` is a Prague calendar day, YYYY-MM-DD. */
export function publicHoliday(day: string): string | undefined {
  return holidaysOf(Number(day.slice(0, 4))).get(day);
}
