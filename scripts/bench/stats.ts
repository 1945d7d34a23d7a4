/** One figure per line, machine-readable: what `npm run bench` prints. */
export interface Figure {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  [detail: string]: string | number;
}

export function emit(figure: Figure): void {
  console.log(JSON.stringify(figure));
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

export function latencyFigures(bench: string, samples: number[], details: Record<string, string | number>): void {
  for (const p of [50, 99]) emit({ bench, metric: `p${p}`, value: round(percentile(samples, p)), unit: 'ms', samples: samples.length, ...details });
}
