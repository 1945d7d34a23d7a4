/**
 * Wrong booking codes per kiosk: at most `perMinute` in any minute (a citizen's typo costs one or
 * two) and `perHour` in any hour, so guessing one 8-digit code takes years (docs/PERFORMANCE.md,
 * `npm run bench -- guessing`) while a prankster can block code entry for an hour at most.
 * A retried request (same id) counts once. In memory: a restart forgiving a few attempts is harmless.
 */
export class CodeAttempts {
  private readonly failures = new Map<string, Map<string, number>>();

  constructor(private readonly limits: { perMinute: number; perHour: number }) {}

  blocked(kioskId: string, now: number): boolean {
    const recent = this.failures.get(kioskId);
    if (!recent) return false;
    let lastMinute = 0;
    for (const [id, at] of recent) {
      if (at <= now - 3_600_000) recent.delete(id);
      else if (at > now - 60_000) lastMinute += 1;
    }
    return lastMinute >= this.limits.perMinute || recent.size >= this.limits.perHour;
  }

  failed(kioskId: string, requestId: string, now: number): void {
    let recent = this.failures.get(kioskId);
    if (!recent) this.failures.set(kioskId, (recent = new Map()));
    recent.set(requestId, now);
  }
}
