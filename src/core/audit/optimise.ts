import { maxOf, minOf } from '../arrays.js';
/**
 * Nelder–Mead minimisation (Nelder & Mead 1965, "A simplex method for function minimization",
 * The Computer Journal 7(4); the coefficients of Lagarias et al. 1998: reflection 1,
 * expansion 2, contraction ½, shrink ½). The initial simplex steps each coordinate by 10 % of
 * the largest |x₀| (COINr's `optim` call starts R's Nelder–Mead the same way). Stops when the
 * spread of the simplex's values is within `tolerance` relative to the best, or after
 * `maxIterations`.
 */
export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], o: { maxIterations?: number; tolerance?: number } = {}): Minimum {
  const d = x0.length;
  const maxIt = o.maxIterations ?? 500;
  const tol = o.tolerance ?? 1e-8;
  const step = 0.1 * Math.max(maxOf(x0.map(Math.abs)), 1e-3);
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < d; i++) { const p = x0.slice(); p[i] = p[i]! + step; pts.push(p); }
  let vals = pts.map(f);
  let it = 0;
  let converged = false;
  while (it < maxIt) {
    const order = vals.map((_, i) => i).sort((a, b) => vals[a]! - vals[b]!);
    const P = order.map((i) => pts[i]!);
    vals = order.map((i) => vals[i]!);
    pts.splice(0, pts.length, ...P);
    const best = vals[0]!;
    const worst = vals[d]!;
    if (Math.abs(worst - best) <= tol * (Math.abs(best) + tol)) { converged = true; break; }
    it++;
    const c = new Array<number>(d).fill(0);
    for (let i = 0; i < d; i++) for (let q = 0; q < d; q++) c[q] = c[q]! + pts[i]![q]! / d;
    const along = (t: number) => c.map((ci, q) => ci + t * (pts[d]![q]! - ci));
    const xr = along(-1);
    const fr = f(xr);
    if (fr < vals[0]!) {
      const xe = along(-2);
      const fe = f(xe);
      if (fe < fr) { pts[d] = xe; vals[d] = fe; } else { pts[d] = xr; vals[d] = fr; }
    } else if (fr < vals[d - 1]!) {
      pts[d] = xr; vals[d] = fr;
    } else {
      const outside = fr < vals[d]!;
      const xc = along(outside ? -0.5 : 0.5);
      const fc = f(xc);
      if (fc < (outside ? fr : vals[d]!)) { pts[d] = xc; vals[d] = fc; } else {
        for (let i = 1; i <= d; i++) {
          pts[i] = pts[i]!.map((x, q) => pts[0]![q]! + 0.5 * (x - pts[0]![q]!));
          vals[i] = f(pts[i]!);
        }
      }
    }
  }
  const bi = vals.indexOf(minOf(vals));
  return { x: pts[bi]!, value: vals[bi]!, iterations: it, converged };
}
