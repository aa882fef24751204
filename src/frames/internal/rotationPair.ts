/**
 * A rotation and its time derivative, composed and inverted as a pair: r_to = R · r_from and
 * v_to = R · v_from + Ṙ · r_from. Row-major 3×3 in Float64Arrays; only factories allocate.
 */

/** A rotation R and its rate Ṙ (1/s), row-major. */
export interface RotationPair {
  /** R, row-major 3×3. */
  readonly r: Float64Array;
  /** Ṙ, row-major 3×3, 1/s. */
  readonly rDot: Float64Array;
}

/** A new pair holding the identity and a zero rate. */
export function identityPair(): RotationPair {
  const r = new Float64Array(9);
  r[0] = 1;
  r[4] = 1;
  r[8] = 1;
  return { r, rDot: new Float64Array(9) };
}

/** out = a · b (3×3, row-major); out may not alias a or b. */
export function mulInto(out: Float64Array, a: ArrayLike<number>, b: ArrayLike<number>): void {
  for (let i = 0; i < 3; i++) {
    const a0 = a[3 * i]!;
    const a1 = a[3 * i + 1]!;
    const a2 = a[3 * i + 2]!;
    out[3 * i] = a0 * b[0]! + a1 * b[3]! + a2 * b[6]!;
    out[3 * i + 1] = a0 * b[1]! + a1 * b[4]! + a2 * b[7]!;
    out[3 * i + 2] = a0 * b[2]! + a1 * b[5]! + a2 * b[8]!;
  }
}

/**
 * Applies the step (R₂, Ṙ₂) after the pair (R₁, Ṙ₁): R = R₂R₁, Ṙ = R₂Ṙ₁ + Ṙ₂R₁.
 * Returns a new pair.
 */
export function thenPair(
  first: RotationPair,
  r2: ArrayLike<number>,
  r2Dot: ArrayLike<number>,
): RotationPair {
  const r = new Float64Array(9);
  const rDot = new Float64Array(9);
  const tmp = new Float64Array(9);
  mulInto(r, r2, first.r);
  mulInto(rDot, r2, first.rDot);
  mulInto(tmp, r2Dot, first.r);
  for (let k = 0; k < 9; k++) rDot[k] = rDot[k]! + tmp[k]!;
  return { r, rDot };
}

/**
 * The inverse step of (R, Ṙ): R' = Rᵀ, Ṙ' = −Rᵀ Ṙ Rᵀ (from r = Rᵀ r', v = Rᵀ (v' − Ṙ r)).
 * Writes into the two outputs.
 */
export function invertInto(
  outR: Float64Array,
  outRDot: Float64Array,
  r: ArrayLike<number>,
  rDot: ArrayLike<number>,
): void {
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) outR[3 * i + j] = r[3 * j + i]!;
  }
  const tmp = new Float64Array(9);
  mulInto(tmp, rDot, outR); // Ṙ Rᵀ
  mulInto(outRDot, outR, tmp); // Rᵀ Ṙ Rᵀ
  for (let k = 0; k < 9; k++) outRDot[k] = -outRDot[k]!;
}
