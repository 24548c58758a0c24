/**
 * Seeded standard normals that are bit-identical in every JavaScript engine.
 *
 * ECMAScript leaves Math.log, Math.exp, Math.sin, Math.cos and Math.pow "implementation-
 * approximated", and Excel on Windows may run custom functions in an engine other than the
 * browser's, so a Box–Muller generator could give CHAIN_FAN different numbers in Excel and in
 * Sheets. Everything here is built from operations IEEE 754 rounds correctly (+ − × ÷ and
 * Math.sqrt) and 32-bit integer operations (Math.imul, ^, <<, >>>), which every engine computes
 * the same way:
 *
 * - the seed (a whole number 0..2,147,483,647) is spread into four 32-bit words by splitmix32
 *   (a Weyl sequence with step 0x9e3779b9, each value mixed by the MurmurHash3 finaliser);
 * - xoshiro128** (Blackman & Vigna 2018) turns those words into 32-bit integers;
 * - two integers give a uniform u = (k + ½)/2⁵² with k their top 52 bits: never 0 or 1, and
 *   1 − u is exact;
 * - the normal is Φ⁻¹(u) by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988,
 *   pp. 477–484: accurate to about 1 part in 10¹⁶), whose tails need a logarithm, `ln` below.
 */

/** 2^(2^i) for i = 0..9, built by exact squaring (no Math.pow). */
const POW2: number[] = [2];
for (let i = 1; i < 10; i++) POW2.push(POW2[i - 1] * POW2[i - 1]);
const INV_POW2: number[] = POW2.map((p) => 1 / p); // exact: reciprocals of powers of two

const TWO_POW_54 = POW2[5] * POW2[4] * POW2[2] * POW2[1]; // 2^(32+16+4+2)
const SMALLEST_NORMAL = INV_POW2[9] * INV_POW2[8] * INV_POW2[7] * INV_POW2[6] * INV_POW2[5] * INV_POW2[4] * INV_POW2[3] * INV_POW2[2] * 0.5; // 2^-1022
const SQRT2 = Math.sqrt(2);
/** ln 2 split so that e·LN2_HI is exact for |e| < 2^11 (the fdlibm constants 0x3fe62e42fee00000 and 0x3dea39ef35793c76). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** 2/(2k+1) for k = 1..11: the series of 2·atanh(s) − 2s in powers of s². */
const ATANH_COEF: number[] = [];
for (let k = 1; k <= 11; k++) ATANH_COEF.push(2 / (2 * k + 1));

/**
 * The natural logarithm from arithmetic only, so that it is the same in every engine.
 * x = m·2^e with m in (√½, √2] (exact scaling by powers of two), then
 * ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716, summed to s²³ (the next term is below
 * 2⁻⁵³ of the result): ln m = f − s·(f − R) with f = m − 1 and R = Σ 2s^(2k)/(2k+1).
 * Within about one unit in the last place of Math.log (the tests measure it).
 * Like Math.log: 0 → −Infinity, a negative number or NaN → NaN, Infinity → Infinity.
 */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let m = x;
  let e = 0;
  if (m < SMALLEST_NORMAL) {
    m *= TWO_POW_54; // a subnormal scaled up exactly
    e -= 54;
  }
  if (m >= 2) {
    for (let i = 9; i >= 0; i--) {
      if (m >= POW2[i]) {
        m *= INV_POW2[i];
        e += 1 << i;
      }
    }
  } else if (m < 1) {
    for (let i = 9; i >= 0; i--) {
      if (m < INV_POW2[i]) {
        m *= POW2[i];
        e -= 1 << i;
      }
    }
    if (m < 1) {
      m *= 2;
      e -= 1;
    }
  }
  // Now 1 ≤ m < 2; centre it on 1.
  if (m > SQRT2) {
    m *= 0.5;
    e += 1;
  }
  const f = m - 1; // exact (Sterbenz)
  const s = f / (2 + f);
  const z = s * s;
  let r = ATANH_COEF[10];
  for (let k = 9; k >= 0; k--) r = r * z + ATANH_COEF[k];
  r *= z;
  const lnM = f - s * (f - r);
  return e * LN2_HI + (lnM + e * LN2_LO);
}

// AS 241 (PPND16) coefficients, Wichura (1988), in increasing powers.
const A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561];
const C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

/** c[0] + c[1]·x + … + c[7]·x⁷ by Horner's rule. */
function poly(c: readonly number[], x: number): number {
  let s = c[7];
  for (let i = 6; i >= 0; i--) s = s * x + c[i];
  return s;
}

/**
 * Φ⁻¹(p), the standard normal quantile, for 0 < p < 1 (AS 241). Central region |p − ½| ≤ 0.425:
 * a rational function of 0.180625 − (p − ½)²; tails: of r = √(−ln min(p, 1 − p)), split at r = 5.
 * Outside (0, 1) → NaN (the generator never asks for it).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-ln(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    z = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -z : z;
}

/** The largest seed: seeds are whole numbers 0..2,147,483,647 (what a spreadsheet cell's whole number comfortably holds). */
export const MAX_SEED = 2147483647;

/** splitmix32 step: the state advances by the golden-ratio Weyl step, the output is the MurmurHash3 finaliser of the new state. */
function splitmix32(state: number): { state: number; value: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return { state: next, value: (z ^ (z >>> 16)) >>> 0 };
}

/**
 * A seeded source of uniforms and standard normals, identical in every engine.
 * The seed must be a whole number 0..MAX_SEED (the caller checks and names the argument).
 * The four state words are four successive splitmix32 outputs from the seed; the finaliser is a
 * bijection, so at most one of them can be 0 and the state is never all zero.
 */
export class NormalGenerator {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let st = seed | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = splitmix32(st);
      st = r.state;
      words.push(r.value);
    }
    this.s0 = words[0];
    this.s1 = words[1];
    this.s2 = words[2];
    this.s3 = words[3];
  }

  /** The next 32-bit output of xoshiro128**, as an unsigned integer 0..2³² − 1. */
  nextUint32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** A uniform in (0, 1): (k + ½)/2⁵², k the top 26 bits of two outputs side by side. Exact, symmetric, never 0 or 1. */
  nextUniform(): number {
    const hi = this.nextUint32() >>> 6;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo + 0.5) / 4503599627370496; // (hi·2²⁶ + lo + ½)/2⁵²
  }

  /** A standard normal: Φ⁻¹ of the next uniform (one uniform, two 32-bit outputs, per normal). */
  nextNormal(): number {
    return normalQuantile(this.nextUniform());
  }
}
