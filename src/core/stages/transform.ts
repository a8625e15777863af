/**
 * Stage `transform`: x → log x, log10 x or √x before normalising (HDI-style: the goalposts and
 * targets go through the same transform, see the normalisation methods). A value outside the
 * transform's domain is a data error, reported by `domainErrors` when the data are read.
 */
import { type Diagnostic, error, warning } from '../diagnostics.js';
import { msg } from '../messages.js';
import type { Transform } from '../definitions.js';
import type { UnitRecord } from '../model.js';
import type { Framework } from '../framework.js';
import { aggregateMethodOf } from '../methods/aggregate.js';
import { normaliseMethodOf } from '../methods/normalise/index.js';

/** x through the leaf's transform; NaN outside its domain (log of x ≤ 0, sqrt of x < 0). */
export function transformValue(t: Transform, x: number): number {
  switch (t) {
    case 'none': return x;
    case 'log': return x > 0 ? Math.log(x) : NaN;
    case 'log10': return x > 0 ? Math.log10(x) : NaN;
    case 'sqrt': return x >= 0 ? Math.sqrt(x) : NaN;
  }
}

/** A column through the transform (the same array when the transform is `none`). */
export function transformColumn(t: Transform, x: ArrayLike<number>): Float64Array {
  if (t === 'none' && x instanceof Float64Array) return x;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = transformValue(t, x[i]!);
  return out;
}

/** Whether a node's value feeds a geometric mean above it (then it must not be negative); weight 0 feeds nothing. */
function underGeometric(fw: Framework, k: number): boolean {
  for (let c = k, p = fw.nodes[k]!.parent; p !== -1; c = p, p = fw.nodes[p]!.parent) {
    if (fw.nodes[c]!.weight === 0) return false;
    if (aggregateMethodOf(fw.nodes[p]!.aggregate).needsNonNegative) return true;
  }
  return false;
}

/**
 * Raw values outside the limits of the leaf's method (goalposts min–max): clamped to 0 or 1
 * when normalised, which ranks a typo (69 or '69%' for 0.69, 1.7 for 0.17) as the best or worst
 * value silently. Located warnings; the value is scored as given (clamped).
 */
export function limitWarnings(fw: Framework, records: readonly UnitRecord[], file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  fw.leaves.forEach((ni, j) => {
    const leaf = fw.nodes[ni]!.def!;
    const lim = normaliseMethodOf(leaf.normalize.method).limits?.(leaf.normalize);
    if (lim === undefined) return;
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      const x = r.values[j]!;
      if (!(x < lim.min || x > lim.max)) continue;
      out.push(warning('OUT_OF_RANGE', { id: leaf.id, x, min: lim.min, max: lim.max }, { ...(file === undefined ? {} : { file }), line: r.lines[j]!, col: r.cols[j]! },
        msg('hint.outOfRange', { min: lim.min, max: lim.max })));
    }
  });
  return out;
}

/** Raw values that the leaf's transform (or a geometric mean above it) cannot take: located errors. */
export function domainErrors(fw: Framework, records: readonly UnitRecord[], file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  fw.leaves.forEach((ni, j) => {
    const leaf = fw.nodes[ni]!.def!;
    if (normaliseMethodOf(leaf.normalize.method).asIs && leaf.transform === 'none' && underGeometric(fw, ni)) {
      // A value taken as it is feeds a geometric mean, which has no meaning for x < 0.
      for (let i = 0; i < records.length; i++) {
        const r = records[i]!;
        const x = r.values[j]!;
        if (!(x < 0)) continue;
        out.push(error('OUT_OF_DOMAIN.geometric', { id: leaf.id, x }, { ...(file === undefined ? {} : { file }), line: r.lines[j]!, col: r.cols[j]! }, msg('hint.geometricValues')));
      }
      return;
    }
    if (leaf.transform === 'none') return;
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      const x = r.values[j]!;
      if (Number.isNaN(x) || !Number.isNaN(transformValue(leaf.transform, x))) continue;
      out.push(error('OUT_OF_DOMAIN', { id: leaf.id, x, transform: leaf.transform, domain: leaf.transform === 'sqrt' ? 'x ≥ 0' : 'x > 0' },
        { ...(file === undefined ? {} : { file }), line: r.lines[j]!, col: r.cols[j]! }, msg(leaf.transform === 'sqrt' ? 'hint.sign' : 'hint.logPositive')));
    }
  });
  return out;
}
