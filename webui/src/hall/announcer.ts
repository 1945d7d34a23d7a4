import { spokenCall } from '../../../shared/texts/spoken-call.ts';

export interface Announcement {
  seq: number;
  text: string;
  state: 'queued' | 'speaking' | 'done';
}

/**
 * Every call and recall is announced once, in the order of its sequence number, one after the
 * other: a chime, then the call spoken in Czech. However fast the clerks press, calls queue here;
 * none overlaps another and none is dropped.
 */
export class Announcer {
  readonly log: Announcement[] = [];
  private lastSeq = 0;
  private running = false;

  constructor(
    private readonly chime: () => Promise<void>,
    private readonly speak: (text: string) => Promise<void>,
    private readonly changed: () => void,
  ) {}

  /** The calls already on the board when the screen starts are history, not news. */
  startAfter(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
  }

  offer(calls: readonly { seq: number; number: string; counterNumber: number }[]): void {
    // Sequence numbers start again at 1 each day: a board whose newest call is older than the last
    // one announced belongs to a new day.
    const newest = Math.max(0, ...calls.map((c) => c.seq));
    if (calls.length > 0 && newest < this.lastSeq) this.lastSeq = 0;
    for (const call of [...calls].sort((a, b) => a.seq - b.seq)) {
      if (call.seq <= this.lastSeq) continue;
      this.lastSeq = call.seq;
      this.log.push({ seq: call.seq, text: spokenCall(call.number, call.counterNumber), state: 'queued' });
    }
    if (this.log.length > 200) this.log.splice(0, this.log.length - 200);
    this.changed();
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.log.find((a) => a.state === 'queued'); next; next = this.log.find((a) => a.state === 'queued')) {
        next.state = 'speaking';
        this.changed();
        await this.chime();
        await this.speak(next.text);
        next.state = 'done';
        this.changed();
      }
    } finally {
      this.running = false;
    }
  }
}
