import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildServer, serverEnv, serverNodeFlags } from '../build-server.ts';
import { emit, round } from './stats.ts';

interface Sample {
  worked: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  spaces: Record<string, number>;
}

/** One year in a bundled process (server-year-process.ts) run with `flags` and `env`; its samples. */
async function year(dir: string, bundle: string, flags: string[], env: Record<string, string>, perDay: number): Promise<{ samples: Sample[]; ms: number }> {
  const child = spawn(process.execPath, ['--expose-gc', ...flags, bundle, join(dir, `year-${flags.length}-${Object.keys(env).length}`), String(perDay)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const samples: Sample[] = [];
  const started = performance.now();
  for await (const line of createInterface({ input: child.stdout! })) {
    const parsed = JSON.parse(line) as Sample | { done: true };
    if ('done' in parsed) break;
    samples.push(parsed);
  }
  await new Promise((resolve) => child.once('exit', resolve));
  return { samples, ms: performance.now() - started };
}

/**
 * The engine and its file store through 365 days (250 working days of `perDay` walk-ins, all
 * served), as the server runs in production: bundled, plain node, with the unit's flags and
 * environment (scripts/build-server.ts); and, for comparison, with V8's and glibc's defaults.
 * Resident memory after the first working day and after the year, and their ratio.
 */
export async function measureServerYear(dir: string, perDay = 100): Promise<void> {
  const bundle = join(dir, 'server-year.mjs');
  await buildServer('scripts/bench/server-year-process.ts', bundle);
  for (const [variant, flags, env] of [
    ['production', serverNodeFlags, serverEnv],
    ['defaults', [], {}],
  ] as const) {
    const { samples, ms } = await year(dir, bundle, [...flags], { ...env }, perDay);
    const first = samples[0]!;
    const last = samples.at(-1)!;
    emit({ bench: 'server-year', variant, metric: 'rss_after_first_day', value: round(first.rss, 1), unit: 'MiB', ticketsPerDay: perDay });
    emit({ bench: 'server-year', variant, metric: 'rss_after_year', value: round(last.rss, 1), unit: 'MiB', workingDays: last.worked });
    emit({ bench: 'server-year', variant, metric: 'rss_ratio_year_to_first_day', value: round(last.rss / first.rss, 3), unit: 'ratio', ...(variant === 'production' ? { target: '≤ 1.1' } : {}) });
    // The year runs flat out: its time is the flags' cost in CPU, which a real office (a request every few seconds) does not feel.
    emit({ bench: 'server-year', variant, metric: 'year_wall_time', value: round(ms / 1000, 1), unit: 's' });
    emit({ bench: 'server-year', variant, metric: 'heap_used_after_year', value: round(last.heapUsed, 1), unit: 'MiB', firstDay: round(first.heapUsed, 1) });
    emit({
      bench: 'server-year',
      variant,
      metric: 'heap_committed_after_year',
      value: round(last.heapTotal, 1),
      unit: 'MiB',
      firstDay: round(first.heapTotal, 1),
      newSpace: `${first.spaces.new} → ${last.spaces.new}`,
      oldSpace: `${first.spaces.old} → ${last.spaces.old}`,
    });
  }
}
