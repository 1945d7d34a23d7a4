const minute = 60_000;
const hour = 3_600_000;

export interface CodeLimits {
  codeAttemptsPerKioskPerMinute: number;
  codeAttemptsPerKioskPerHour: number;
}

/**
 * Booking codes tried at each kiosk that did not check anyone in: at most so many different codes
 * in any minute (a citizen's typo costs one or two) and in any hour, so guessing one 8-digit code
 * takes years (docs/PERFORMANCE.md, `npm run bench -- guessing`) while a prankster can block code
 * entry for an hour at most. Counted per code tried, not per request: every refusal counts, since
 * "too early", "too late" and "wrong kiosk" each tell that the code exists. A request id is bound
 * to the code it first came with, so a retry replays its own answer and never tries another code.
 * The limits are read at each use (the settings page changes them). In memory: a restart
 * forgiving a few attempts is harmless.
 */
export class CodeAttempts {
  private readonly tried = new Map<string, Map<string, number>>();
  private readonly codeOfRequest = new Map<string, { code: string; at: number }>();

  constructor(private readonly limits: () => CodeLimits) {}

  blocked(kioskId: string, now: number): boolean {
    const recent = this.tried.get(kioskId);
    if (!recent) return false;
    let lastMinute = 0;
    for (const [code, at] of recent) {
      if (at <= now - hour) recent.delete(code);
      else if (at > now - minute) lastMinute += 1;
    }
    const limits = this.limits();
    return lastMinute >= limits.codeAttemptsPerKioskPerMinute || recent.size >= limits.codeAttemptsPerKioskPerHour;
  }

  /** Whether this request id (kiosk/id) came before with another code; remembers its code if new. */
  reusedForAnotherCode(requestKey: string, code: string, now: number): boolean {
    for (const [key, seen] of this.codeOfRequest) {
      if (seen.at > now - hour) break;
      this.codeOfRequest.delete(key);
    }
    const seen = this.codeOfRequest.get(requestKey);
    if (seen) return seen.code !== code;
    this.codeOfRequest.set(requestKey, { code, at: now });
    return false;
  }

  refused(kioskId: string, code: string, now: number): void {
    let recent = this.tried.get(kioskId);
    if (!recent) this.tried.set(kioskId, (recent = new Map()));
    recent.delete(code);
    recent.set(code, now);
  }
}
