/**
 * Reading of square matrices given as rows or as a {@link DenseMatrix}, with messages that name
 * the argument, the element and its unit. Internal to state/.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import type { DenseMatrix } from '../../math';

/** A square matrix given as its rows or as a row-major {@link DenseMatrix}. */
export type SquareMatrixInput = ReadonlyArray<ArrayLike<number>> | DenseMatrix;

/**
 * Checks that `input` is a square matrix of finite numbers and returns a row-major copy.
 *
 * @param input - rows, or a {@link DenseMatrix}
 * @param name - name of the argument in messages
 * @param unitOf - unit of element (i, j) in messages
 * @returns the size n and an n·n row-major copy
 * @throws {@link InvalidArgumentError} for an empty, ragged or non-square input, or a
 *   non-finite element (named as `name[i][j]`)
 */
export function readSquareMatrix(
  input: SquareMatrixInput,
  name: string,
  unitOf: (i: number, j: number) => string = () => '',
): { readonly n: number; readonly data: Float64Array } {
  if (input === null || typeof input !== 'object') {
    throw new InvalidArgumentError(name, input, '', 'must be an array of rows or a DenseMatrix');
  }
  if (Array.isArray(input)) {
    const rows = input as ReadonlyArray<ArrayLike<number>>;
    const n = rows.length;
    if (n === 0) throw new InvalidArgumentError(name, '[]', '', 'must have at least one row');
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      if (row === null || typeof row !== 'object' || row.length !== n) {
        throw new InvalidArgumentError(
          `${name}[${i}]`,
          row === null || typeof row !== 'object' ? row : `a row of length ${row.length}`,
          '',
          `must be a row of ${n} numbers: the matrix must be square (${n} rows)`,
        );
      }
      for (let j = 0; j < n; j++) {
        const v = row[j];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new InvalidArgumentError(`${name}[${i}][${j}]`, v, unitOf(i, j), 'must be finite');
        }
        data[i * n + j] = v;
      }
    }
    return { n, data };
  }
  const m = input as DenseMatrix;
  if (!Number.isInteger(m.rows) || m.rows < 1 || m.rows !== m.cols) {
    throw new InvalidArgumentError(
      name,
      `${m.rows}×${m.cols}`,
      '',
      'must be a square matrix with at least one row',
    );
  }
  const n = m.rows;
  if (!(m.data instanceof Float64Array) || m.data.length !== n * n) {
    throw new InvalidArgumentError(
      `${name}.data`,
      `length ${(m.data as { length?: number } | undefined)?.length}`,
      '',
      `must be a Float64Array of ${n * n} elements`,
    );
  }
  for (let k = 0; k < n * n; k++) {
    const v = m.data[k]!;
    if (!Number.isFinite(v)) {
      const i = Math.floor(k / n);
      const j = k - i * n;
      throw new InvalidArgumentError(`${name}[${i}][${j}]`, v, unitOf(i, j), 'must be finite');
    }
  }
  return { n, data: Float64Array.from(m.data) };
}
