/**
 * Osculating classical elements from a position and velocity, as the verification driver
 * prints them (Vallado, "Fundamentals of Astrodynamics and Applications", algorithm 9,
 * RV2COE, elliptical inclined case). Test helper only.
 */
export interface Osculating {
  readonly aKm: number;
  readonly ecc: number;
  readonly inclDeg: number;
  readonly nodeDeg: number;
  readonly argpDeg: number;
  readonly nuDeg: number;
  readonly meanAnomalyDeg: number;
}

const DEG = 180 / Math.PI;

function dot(a: readonly number[], b: readonly number[]): number {
  return a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
}

function angle(a: readonly number[], b: readonly number[]): number {
  const c = dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
  return Math.acos(Math.max(-1, Math.min(1, c)));
}

export function rv2coe(r: readonly number[], v: readonly number[], muKm3S2: number): Osculating {
  const [x = 0, y = 0, z = 0] = r;
  const [vx = 0, vy = 0, vz = 0] = v;
  const h = [y * vz - z * vy, z * vx - x * vz, x * vy - y * vx];
  const n = [-h[1]!, h[0]!, 0];
  const rm = Math.sqrt(dot(r, r));
  const v2 = dot(v, v);
  const rv = dot(r, v);
  const e = [0, 1, 2].map((k) => ((v2 - muKm3S2 / rm) * r[k]! - rv * v[k]!) / muKm3S2);
  const ecc = Math.sqrt(dot(e, e));
  const aKm = 1 / (2 / rm - v2 / muKm3S2);
  const incl = Math.acos(h[2]! / Math.sqrt(dot(h, h)));
  let node = angle([1, 0, 0], n);
  if (n[1]! < 0) node = 2 * Math.PI - node;
  let argp = angle(n, e);
  if (e[2]! < 0) argp = 2 * Math.PI - argp;
  let nu = angle(e, r);
  if (rv < 0) nu = 2 * Math.PI - nu;
  const sinE = (Math.sqrt(1 - ecc * ecc) * Math.sin(nu)) / (1 + ecc * Math.cos(nu));
  const cosE = (ecc + Math.cos(nu)) / (1 + ecc * Math.cos(nu));
  const E = Math.atan2(sinE, cosE);
  let m = E - ecc * Math.sin(E);
  if (m < 0) m += 2 * Math.PI;
  return {
    aKm,
    ecc,
    inclDeg: incl * DEG,
    nodeDeg: node * DEG,
    argpDeg: argp * DEG,
    nuDeg: nu * DEG,
    meanAnomalyDeg: m * DEG,
  };
}
