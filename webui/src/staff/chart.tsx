import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  bars?: boolean;
  scale?: string;
}

/**
 * A chart drawn by uPlot (small and well kept): bars for counts, a line for minutes on a second
 * scale. The numbers are also in the table beside it, so the chart itself is an image to
 * assistive technology, labelled with what it shows.
 */
export function Chart({ label, xName, xLabels, series }: { label: string; xName: string; xLabels: string[]; series: Series[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current || xLabels.length === 0) return;
    const x = xLabels.map((_, k) => k);
    const bars = uPlot.paths.bars!({ size: [0.6, 40] });
    const plot = new uPlot(
      {
        width: Math.max(320, box.current.clientWidth),
        height: 260,
        scales: { x: { time: false }, minutes: { auto: true } },
        axes: [
          { values: (_u, ticks) => ticks.map((k) => xLabels[k] ?? '') },
          { label: series.find((s) => !s.scale)?.label ?? '' },
          ...(series.some((s) => s.scale) ? [{ side: 1, scale: 'minutes', grid: { show: false } }] : []),
        ],
        // The legend names the x value in the page's language and shows its label, not uPlot's "Value" and an index.
        series: [
          { label: xName, value: (_u, k) => (k === null ? '—' : (xLabels[k] ?? '—')) },
          ...series.map((s) => ({ label: s.label, stroke: s.color, fill: s.bars ? `${s.color}99` : undefined, width: s.bars ? 1 : 2, scale: s.scale ?? 'y', ...(s.bars ? { paths: bars } : {}) })),
        ],
      },
      [x, ...series.map((s) => s.values)],
      box.current,
    );
    return () => plot.destroy();
  }, [xName, xLabels.join(), JSON.stringify(series)]);
  return <div class="chart" ref={box} role="img" aria-label={label} />;
}
