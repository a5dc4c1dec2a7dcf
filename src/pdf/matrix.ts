/**
 * 2-D affine matrices as PDF writes them, and the `cm` operator that applies one. Shared by the
 * page transplant (job/merge.ts) and the draft mark (job/draft.ts).
 */

/** A 2-D affine matrix [a b c d e f], as PDF writes them: (x, y) ↦ (ax + cy + e, bx + dy + f). */
export type Matrix = [number, number, number, number, number, number];

/** m ∘ n: first n, then m. */
export function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function invert(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2];
  const a = m[3] / det;
  const b = -m[1] / det;
  const c = -m[2] / det;
  const d = m[0] / det;
  return [a, b, c, d, -(a * m[4] + c * m[5]), -(b * m[4] + d * m[5])];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const num = (x: number) => {
  const r = Math.round(x * 10000) / 10000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** The operator that applies `m` to what follows. */
export const cm = (m: Matrix) => `${m.map(num).join(' ')} cm`;
