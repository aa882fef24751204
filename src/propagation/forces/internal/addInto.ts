/** out[i] += v[i] for i < n. */
export function addInto(out: Float64Array, v: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = out[i]! + v[i]!;
}
