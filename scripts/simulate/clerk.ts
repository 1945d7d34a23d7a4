import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { SimCounter } from '../lib/sim-office.ts';
import { logNormal } from './random.ts';

export interface ClerkPlan {
  counterId: string;
  pause?: { from: number; to: number };
}
export interface ClerkLog {
  served: number;
  noShows: number;
}

const noShowShare = 0.05;

/**
 * A clerk at a simulated counter box, pressing its real buttons: Next; if a number comes up, serve
 * for a log-normal time around the service's typical one (or, for one client in twenty, wait two
 * minutes and press No-show), then Done; if nobody waits, look again in a minute; pause when planned.
 */
export async function runClerk(config: OfficeConfig, box: SimCounter, plan: ClerkPlan, clock: Clock, until: number, random: () => number): Promise<ClerkLog> {
  const sleep = (officeMs: number) => new Promise((r) => setTimeout(r, officeMs / (clock.rate ?? 1)));
  const log: ClerkLog = { served: 0, noShows: 0 };
  const letterOf = new Map(config.services.map((s) => [s.letter, s]));
  let paused = false;
  while (clock.now() < until) {
    const inPause = plan.pause !== undefined && clock.now() >= plan.pause.from && clock.now() < plan.pause.to;
    if (inPause !== paused) {
      box.buttons.press(5); // pause / resume
      paused = inPause;
      await sleep(5_000);
      continue;
    }
    if (paused) {
      await sleep(60_000);
      continue;
    }
    const before = box.digits.text;
    box.buttons.press(1); // Next
    await sleep(5_000);
    const shown = box.digits.text.slice(0, 4);
    const service = letterOf.get(shown[0] ?? '');
    if (!service || (box.digits.text === before && shown === '----')) {
      await sleep(60_000);
      continue;
    }
    if (random() < noShowShare) {
      await sleep(120_000);
      box.buttons.press(3); // No-show
      log.noShows += 1;
    } else {
      await sleep(logNormal(random, service.typicalServiceMinutes * 60_000));
      box.buttons.press(4); // Done
      log.served += 1;
    }
    await sleep(5_000);
  }
  return log;
}
