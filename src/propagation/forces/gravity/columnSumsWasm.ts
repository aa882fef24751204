/**
 * The column sums of the spherical-harmonic kernel (see sphericalHarmonicKernel.ts) as a
 * small WebAssembly module with 128-bit SIMD, assembled here from its instructions.
 *
 * Why: in JavaScript the column loops are bound by instruction count, not arithmetic. Every
 * load from the table carries a bounds check (three instructions), the table's map and
 * length are re-checked each iteration, and the accumulators spill to the stack: about 56
 * instructions per harmonic for 16 floating-point operations. WebAssembly's linear memory
 * needs no per-load check, and SIMD carries the (α, β) weight pairs of an output in one
 * register, so a harmonic costs about 18 instructions.
 *
 * One function per table layout (`columns3` for the acceleration, `columns5` for the
 * gradient), with the same arithmetic as the JavaScript loops:
 *
 *   per column m′: d = 1 on the sectoral harmonic, then dn′ = z′ dn′−1 − e ρ dn′−2;
 *   P_o += (α_o, β_o) · dn′ for each output o (two lanes);
 *   then A_o += P_o ⊙ (Re Ūm′m′, Im Ūm′m′), and output o = A_o.lane0 + A_o.lane1.
 *
 * Two harmonics per iteration, both computed from the two before them
 * (dn′+1 = (z′² − e′ρ) dn′−1 − z′ e ρ dn′−2), so that the chain of dependent operations is
 * one multiply and one subtraction per two harmonics.
 *
 * Memory layout, per harmonic: e at byte 0, 8 bytes unused, then the (α, β) pairs of the
 * outputs, 16 bytes each: a stride of 64 bytes (3 outputs) or 96 bytes (5 outputs), so that
 * every pair is 16-byte aligned. Column starts are byte addresses (i32), one per column plus
 * the end; the sectoral harmonics are (re, im) pairs, 16 bytes per column.
 *
 * @packageDocumentation
 */

/** Byte stride of a harmonic with `outputs` weight pairs. */
export function harmonicStrideBytes(outputs: number): number {
  return 16 * (outputs + 1);
}

// --- A minimal assembler: LEB128 and the opcodes used below. ---------------------------------

function uleb(value: number): number[] {
  const bytes: number[] = [];
  let v = value >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    bytes.push(b);
  } while (v !== 0);
  return bytes;
}

function sleb(value: number): number[] {
  const bytes: number[] = [];
  let v = value | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
    bytes.push(done ? b : b | 0x80);
    if (done) return bytes;
  }
}

function f64Bytes(value: number): number[] {
  return Array.from(new Uint8Array(Float64Array.of(value).buffer));
}

const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  tee: (i: number) => [0x22, ...uleb(i)],
  i32Const: (v: number) => [0x41, ...sleb(v)],
  f64Const: (v: number) => [0x44, ...f64Bytes(v)],
  i32Load: (offset: number) => [0x28, 2, ...uleb(offset)],
  f64Load: (offset: number) => [0x2b, 3, ...uleb(offset)],
  f64Store: (offset: number) => [0x39, 3, ...uleb(offset)],
  i32Add: [0x6a],
  i32Shl: [0x74],
  i32LtU: [0x49],
  i32GeU: [0x4f],
  f64Add: [0xa0],
  f64Sub: [0xa1],
  f64Mul: [0xa2],
  v128Load: (offset: number) => [0xfd, ...uleb(0), 4, ...uleb(offset)],
  f64x2Splat: [0xfd, ...uleb(20)],
  f64x2ExtractLane: (lane: number) => [0xfd, ...uleb(33), lane],
  f64x2Add: [0xfd, ...uleb(240)],
  f64x2Mul: [0xfd, ...uleb(242)],
  v128Zero: [0xfd, ...uleb(12), ...new Array<number>(16).fill(0)],
};

/**
 * The body of `columns<outputs>(zs, rho, columnCount, startsPtr, sectPtr, outPtr)`:
 * params 0 zs (f64), 1 ρ (f64), 2 column count (i32), 3 address of the column starts,
 * 4 address of the sectoral pairs, 5 address of the outputs (f64 each).
 */
function columnsBody(outputs: number): number[] {
  const stride = harmonicStrideBytes(outputs);
  // Locals after the 6 params.
  const ZS = 0;
  const RHO = 1;
  const COLS = 2;
  const STARTS = 3;
  const SECT = 4;
  const OUT = 5;
  const M = 6; // i32: column index
  const J = 7; // i32: byte address of the current harmonic
  const END = 8; // i32: byte address of the column end
  const C1 = 9; // f64: d of the previous harmonic
  const C2 = 10; // f64: d of the one before
  const C = 11; // f64
  const D = 12; // f64
  const K = 13; // f64: e ρ of the first harmonic of a pair
  const ZS2 = 14; // f64: z′²
  const P0 = 15; // v128 × outputs: the column's weight sums
  const A0 = P0 + outputs; // v128 × outputs: the sums over columns
  const S = A0 + outputs; // v128: the column's sectoral harmonic
  const locals = [
    [3, I32],
    [6, F64],
    [2 * outputs + 1, V128],
  ];
  const code: number[] = [];
  const emit = (...parts: (number | number[])[]) => {
    for (const p of parts) {
      if (Array.isArray(p)) code.push(...p);
      else code.push(p);
    }
  };
  // Weighted add of harmonic at byte offset `at` from J, with the splat value on the stack
  // saved in the f64 local `value`: P_o += pair_o · value.
  const accumulate = (value: number, at: number) => {
    for (let o = 0; o < outputs; o++) {
      emit(op.get(P0 + o), op.get(J), op.v128Load(at + 16 * (o + 1)));
      emit(op.get(value), op.f64x2Splat, op.f64x2Mul, op.f64x2Add, op.set(P0 + o));
    }
  };

  emit(op.get(ZS), op.get(ZS), op.f64Mul, op.set(ZS2));
  for (let o = 0; o < outputs; o++) emit(op.v128Zero, op.set(A0 + o));
  emit(op.i32Const(0), op.set(M));
  emit(op.block, op.loop); // columns: exit at depth 1, repeat at depth 0
  // J = starts[m], END = starts[m + 1]
  emit(op.get(STARTS), op.get(M), op.i32Const(2), op.i32Shl, op.i32Add, op.tee(END));
  emit(op.i32Load(0), op.set(J), op.get(END), op.i32Load(4), op.set(END));
  // The sectoral harmonic starts the column with d = 1.
  for (let o = 0; o < outputs; o++) emit(op.get(J), op.v128Load(16 * (o + 1)), op.set(P0 + o));
  emit(op.f64Const(1), op.set(C1), op.f64Const(0), op.set(C2));
  emit(op.get(J), op.i32Const(stride), op.i32Add, op.set(J));
  emit(op.block, op.loop); // pairs
  // while (J + stride < END)
  emit(op.get(J), op.i32Const(stride), op.i32Add, op.get(END), op.i32GeU, op.brIf(1));
  // K = e ρ; C = zs C1 − K C2
  emit(op.get(J), op.f64Load(0), op.get(RHO), op.f64Mul, op.set(K));
  emit(op.get(ZS), op.get(C1), op.f64Mul, op.get(K), op.get(C2), op.f64Mul, op.f64Sub);
  emit(op.set(C));
  // D = (zs² − e′ ρ) C1 − (zs K) C2
  emit(op.get(ZS2), op.get(J), op.f64Load(stride), op.get(RHO), op.f64Mul, op.f64Sub);
  emit(op.get(C1), op.f64Mul, op.get(ZS), op.get(K), op.f64Mul, op.get(C2), op.f64Mul);
  emit(op.f64Sub, op.set(D));
  accumulate(C, 0);
  accumulate(D, stride);
  emit(op.get(C), op.set(C2), op.get(D), op.set(C1));
  emit(op.get(J), op.i32Const(2 * stride), op.i32Add, op.set(J), op.br(0));
  emit(op.end, op.end);
  // The odd harmonic out, if any: if (J < END)
  emit(op.block, op.get(J), op.get(END), op.i32GeU, op.brIf(0));
  emit(op.get(ZS), op.get(C1), op.f64Mul);
  emit(op.get(J), op.f64Load(0), op.get(RHO), op.f64Mul, op.get(C2), op.f64Mul, op.f64Sub);
  emit(op.set(C));
  accumulate(C, 0);
  emit(op.end);
  // A_o += P_o ⊙ S
  emit(op.get(SECT), op.get(M), op.i32Const(4), op.i32Shl, op.i32Add, op.v128Load(0));
  emit(op.set(S));
  for (let o = 0; o < outputs; o++) {
    emit(op.get(A0 + o), op.get(P0 + o), op.get(S), op.f64x2Mul, op.f64x2Add, op.set(A0 + o));
  }
  // m += 1; repeat while m < column count
  emit(op.get(M), op.i32Const(1), op.i32Add, op.tee(M), op.get(COLS), op.i32LtU, op.brIf(0));
  emit(op.end, op.end);
  for (let o = 0; o < outputs; o++) {
    emit(op.get(OUT), op.get(A0 + o), op.f64x2ExtractLane(0));
    emit(op.get(A0 + o), op.f64x2ExtractLane(1), op.f64Add, op.f64Store(8 * o));
  }
  emit(op.end);
  const body = [...vec(locals.map(([count, type]) => [...uleb(count!), type!])), ...code];
  return [...uleb(body.length), ...body];
}

/** The module's bytes: imports `env.memory`, exports `columns3` and `columns5`. */
function moduleBytes(): Uint8Array {
  const params = [F64, F64, I32, I32, I32, I32];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[0x60, ...vec(params.map((p) => [p])), ...vec([])]])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)]])),
    ...section(3, vec([[0], [0]])),
    ...section(
      7,
      vec([
        [...name('columns3'), 0x00, 0],
        [...name('columns5'), 0x00, 1],
      ]),
    ),
    ...section(10, vec([columnsBody(3), columnsBody(5)])),
  ];
  return Uint8Array.from(bytes);
}

/** The exported functions of an instance. */
export interface ColumnSumsWasm {
  /** Acceleration column sums into 3 doubles at `outPtr`. */
  readonly columns3: (
    zs: number,
    rho: number,
    columnCount: number,
    startsPtr: number,
    sectPtr: number,
    outPtr: number,
  ) => void;
  /** Gradient column sums into 5 doubles at `outPtr`. */
  readonly columns5: ColumnSumsWasm['columns3'];
}

/** A compiled module (opaque here). */
export type CompiledColumnSums = object;

/**
 * The part of the WebAssembly JavaScript API used here. Declared locally: the project's
 * TypeScript libraries are ES only (no DOM), and the runtime may lack WebAssembly altogether.
 */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => CompiledColumnSums;
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
  Instance: new (
    module: CompiledColumnSums,
    imports: object,
  ) => { readonly exports: Record<string, unknown> };
}

function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/**
 * Compiles the module, or returns undefined where WebAssembly or its SIMD extension is not
 * available (the kernel then keeps its JavaScript loops).
 */
export function compileColumnSums(): CompiledColumnSums | undefined {
  const api = wasmApi();
  if (api === undefined) return undefined;
  const bytes = moduleBytes();
  try {
    return api.validate(bytes) ? new api.Module(bytes) : undefined;
  } catch {
    // A content security policy without 'wasm-unsafe-eval' forbids compiling.
    return undefined;
  }
}

/**
 * Instantiates the module on a fresh memory of at least `bytes` bytes.
 *
 * @returns the memory's buffer (it never grows) and the two functions
 */
export function instantiateColumnSums(
  module: CompiledColumnSums,
  bytes: number,
): { readonly buffer: ArrayBuffer; readonly exports: ColumnSumsWasm } {
  const api = wasmApi()!;
  const memory = new api.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
  const instance = new api.Instance(module, { env: { memory } });
  return { buffer: memory.buffer, exports: instance.exports as unknown as ColumnSumsWasm };
}
