/**
 * Runs the per-evaluation group of bench/propagation.bench.ts alone (the day-long runs of the
 * other group take minutes): `npx tsx bench/propagationEvaluations.ts [--time=ms] [--rounds=n]`.
 * With several rounds the group is measured that many times, and each case's median and
 * range over the rounds are printed with its ratio to the reference loop of the same round,
 * so that runs on a loaded machine can be compared.
 */
import { runGroup } from './harness';
import { propagationEvaluationGroup } from './propagation.bench';

const arg = (name: string, fallback: number) => {
  const a = process.argv.find((s) => s.startsWith(`--${name}=`));
  return a === undefined ? fallback : Number(a.slice(name.length + 3));
};
const timeMs = arg('time', 300);
const rounds = arg('rounds', 1);
const group = propagationEvaluationGroup();
const perRound: { name: string; nsPerItem: number }[][] = [];
for (let r = 0; r < rounds; r++) {
  perRound.push(await runGroup(group, { timeMs, warmupMs: Math.min(100, timeMs) }));
}
if (rounds > 1) {
  const q = (a: number[], p: number) =>
    [...a].sort((x, y) => x - y)[Math.round(p * (a.length - 1))]!;
  console.log(
    `\n${rounds} rounds: median (min–max) µs per evaluation, median ratio to the reference loop`,
  );
  perRound[0]!.forEach((row, c) => {
    const t = perRound.map((rows) => rows[c]!.nsPerItem / 1e3);
    const ratio = perRound.map((rows) => rows[c]!.nsPerItem / rows[0]!.nsPerItem);
    console.log(
      `${row.name.padEnd(72)} ${q(t, 0.5).toFixed(2)} (${q(t, 0).toFixed(2)}–${q(t, 1).toFixed(2)})  ×${q(ratio, 0.5).toFixed(2)}`,
    );
  });
}
