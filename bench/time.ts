/** Median wall time of `fn` in ms over a few runs, after a warm-up: the one timer of the benchmarks. */
export function medianMs(fn: () => unknown, runs = 7): number {
  fn();
  const t: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}
