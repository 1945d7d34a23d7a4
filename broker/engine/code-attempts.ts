/**
 * Wrong booking codes per kiosk in the last minute: past the limit, the kiosk refuses codes for a
 * while, so guessing one 8-digit code takes years (docs/PERFORMANCE.md, `npm run bench -- guessing`).
 * A retried request (same id) counts once. In memory: a restart forgiving a few attempts is harmless.
 */
export class CodeAttempts {
  private readonly failures = new Map<string, Map<string, number>>();

  constructor(private readonly perMinute: number) {}

  blocked(kioskId: string, now: number): boolean {
    const recent = this.failures.get(kioskId);
    if (!recent) return false;
    for (const [id, at] of recent) if (at <= now - 60_000) recent.delete(id);
    return recent.size >= this.perMinute;
  }

  failed(kioskId: string, requestId: string, now: number): void {
    let recent = this.failures.get(kioskId);
    if (!recent) this.failures.set(kioskId, (recent = new Map()));
    recent.set(requestId, now);
  }
}
