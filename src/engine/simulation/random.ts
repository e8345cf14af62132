/** Deterministic, stateless randomness: every number is a hash of (seed, stream, index). */

/** A 32-bit avalanche hash of up to three integers. */
export function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ c, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x165667b1);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform in [0, 1). */
export const uniform = (a: number, b: number, c: number): number => hash3(a, b, c) / 4294967296;

/** Standard normal (Box–Muller over two hashed uniforms). */
export function gaussian(a: number, b: number, c: number): number {
  const u1 = (hash3(a, b, c) + 1) / 4294967297;
  const u2 = hash3(a ^ 0x5bd1e995, c, b) / 4294967296;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Smooth noise in [-1, 1]: hashed knots at integer positions of x, joined by smoothstep. */
export function valueNoise(seed: number, stream: number, x: number): number {
  const i = Math.floor(x);
  const f = x - i;
  const a = uniform(seed, stream, i) * 2 - 1;
  const b = uniform(seed, stream, i + 1) * 2 - 1;
  const s = f * f * (3 - 2 * f);
  return a + (b - a) * s;
}

/** A small integer id for a string, to use as a hash stream. */
export function streamId(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
