import { nextWindowChange } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../log.ts';
import type { QueueEngine } from './queue-engine.ts';

/** Longest sleep between re-evaluations of time-driven state, so a stepped clock is noticed soon. */
const maxTickMs = 60_000;

/**
 * The engine's own clock: at each opening or closing edge (and at least every minute) the day rolls
 * over if Prague midnight has passed, then `onEdge` listeners hear it (the bridge republishes the
 * views: buttons light and go dark on time). Independent of MQTT: the day rolls over with no device
 * connected. New settings may move the next edge: `reschedule`.
 */
export class DayTimer {
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<() => void | Promise<void>>();
  private running = false;

  constructor(
    private readonly engine: QueueEngine,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Whoever shows time-driven state; returns the way to stop listening. */
  onEdge(listener: () => void | Promise<void>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  reschedule(): void {
    clearTimeout(this.timer);
    if (this.running) this.schedule();
  }

  private schedule(): void {
    const now = this.clock.now();
    // In office time; an accelerated simulation's clock runs `rate` times faster than the timer.
    const delay = Math.min(maxTickMs, Math.max(50, nextWindowChange(this.engine.config, now) - now + 10) / (this.clock.rate ?? 1));
    this.timer = setTimeout(() => void this.tick().finally(() => this.running && this.schedule()), delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.engine.rollIfNeeded();
    } catch (error) {
      this.log.error('day rollover failed: will retry', { error: String(error) });
    }
    for (const listener of this.listeners) await listener();
  }
}
