/** mulberry32: a small seeded generator, so a simulated day's arrivals and clerks repeat exactly from a seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const exponential = (random: () => number, mean: number): number => -Math.log(1 - random()) * mean;

/** Service times are right-skewed: most clients are quick, a few take long (log-normal, σ = 0.5). */
export function logNormal(random: () => number, mean: number, sigma = 0.5): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return mean * Math.exp(sigma * normal - (sigma * sigma) / 2);
}
