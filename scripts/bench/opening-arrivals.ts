/**
 * When each of `citizens` arrives, in ms from the opening: most at once, fewer and fewer after, as
 * an exponential decay of time constant `tauMs` cut off at `withinMs` (the k-th at the quantile
 * (k + ½)/n of that distribution, so every run has the same crowd).
 */
export function arrivals(citizens: number, withinMs: number, tauMs: number): number[] {
  const mass = 1 - Math.exp(-withinMs / tauMs);
  return Array.from({ length: citizens }, (_, k) => -tauMs * Math.log(1 - ((k + 0.5) / citizens) * mass));
}
