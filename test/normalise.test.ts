// Each normalisation method and transform against values worked out by hand (formats.md §1).
import { describe, expect, it } from 'vitest';
import { normaliseColumn } from '../src/engine/index.js';
import type { IndicatorNode, Normalise } from '../src/core/definitions.js';

function leaf(normalize: Normalise, extra: Partial<IndicatorNode> = {}): IndicatorNode {
  return {
    id: 'x', name: { vi: 'x', en: 'x' }, description: null, source: { vi: [], en: [] }, weight: 1, missing: 'zero', kind: 'leaf',
    aggregate: 'mean', children: [], unit: null, column: null, direction: 'higher', transform: 'none', normalize,
    denominator: null, per: 1, impute: 'none', treat: null, floor: 0, years: null, ...extra,
  };
}
const norm = (l: IndicatorNode, xs: number[]) => [...normaliseColumn(l, xs)];

describe('target', () => {
  it('is x / target, capped at 1', () => {
    // 40/80 = 0.5; 80/80 = 1; 120/80 = 1.5 → capped to 1.
    expect(norm(leaf({ method: 'target', target: 80 }), [40, 80, 120])).toEqual([0.5, 1, 1]);
  });
  it('lower is better: 1 up to the target, then target / x', () => {
    // target 5 days: 3 → 1; 5 → 1; 10 → 5/10 = 0.5; 20 → 0.25.
    expect(norm(leaf({ method: 'target', target: 5 }, { direction: 'lower' }), [3, 5, 10, 20])).toEqual([1, 1, 0.5, 0.25]);
  });
  it('keeps missing values missing', () => {
    expect(norm(leaf({ method: 'target', target: 10 }), [NaN, 5])).toEqual([NaN, 0.5]);
  });
});

describe('goalposts', () => {
  it('is (x − min)/(max − min), clamped', () => {
    // min 20, max 70: 45 → 25/50 = 0.5; 10 → clamped 0; 90 → clamped 1.
    expect(norm(leaf({ method: 'goalposts', min: 20, max: 70 }), [45, 10, 90])).toEqual([0.5, 0, 1]);
  });
  it('lower is better: (max − x)/(max − min)', () => {
    // min 0, max 40 (days): 10 → 30/40 = 0.75; 40 → 0; 0 → 1.
    expect(norm(leaf({ method: 'goalposts', min: 0, max: 40 }, { direction: 'lower' }), [10, 40, 0])).toEqual([0.75, 0, 1]);
  });
  it('log transform applies to the value and the goalposts (HDI income)', () => {
    // HDI 2010+ income index: (ln x − ln 100)/(ln 75000 − ln 100); x = 10000:
    // ln 10000 − ln 100 = ln 100 = 4.605170; ln 75000 − ln 100 = ln 750 = 6.620073; ratio 0.695637.
    const [v] = norm(leaf({ method: 'goalposts', min: 100, max: 75000 }, { transform: 'log' }), [10000]);
    expect(v).toBeCloseTo(Math.log(100) / Math.log(750), 12);
    expect(v).toBeCloseTo(0.695637, 6);
  });
  it('log10 and sqrt transforms', () => {
    // log10: (log10 1000 − log10 10)/(log10 10000 − log10 10) = 2/3.
    expect(norm(leaf({ method: 'goalposts', min: 10, max: 10000 }, { transform: 'log10' }), [1000])[0]).toBeCloseTo(2 / 3, 12);
    // sqrt: (√49 − √0)/(√100 − √0) = 7/10.
    expect(norm(leaf({ method: 'goalposts', min: 0, max: 100 }, { transform: 'sqrt' }), [49])[0]).toBeCloseTo(0.7, 12);
  });
});

describe('data-dependent methods', () => {
  it('minmax uses the year’s own min and max', () => {
    // values 10, 20, 30, 50: min 10, max 50 → 0, 0.25, 0.5, 1.
    expect(norm(leaf({ method: 'minmax' }), [10, 20, 30, 50])).toEqual([0, 0.25, 0.5, 1]);
    expect(norm(leaf({ method: 'minmax' }, { direction: 'lower' }), [10, 20, 30, 50])).toEqual([1, 0.75, 0.5, 0]);
  });
  it('zscore is (x − mean)/sd with the population sd', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population sd 2 → (2−5)/2 = −1.5, …, (9−5)/2 = 2.
    expect(norm(leaf({ method: 'zscore' }), [2, 4, 4, 4, 5, 5, 7, 9])).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(norm(leaf({ method: 'zscore' }, { direction: 'lower' }), [2, 9])[0]).toBe(1);
  });
  it('rank is (rank − 1)/(n − 1), best = 1, ties share the mean rank', () => {
    // 5, 1, 3, 3: ranks 4, 1, 2.5, 2.5 → 1, 0, 0.5, 0.5.
    expect(norm(leaf({ method: 'rank' }), [5, 1, 3, 3])).toEqual([1, 0, 0.5, 0.5]);
    expect(norm(leaf({ method: 'rank' }, { direction: 'lower' }), [5, 1, 3, 3])).toEqual([0, 1, 0.5, 0.5]);
  });
  it('ignores missing values in the statistics', () => {
    expect(norm(leaf({ method: 'minmax' }), [10, NaN, 30])).toEqual([0, NaN, 1]);
  });
});

describe('boolean and steps', () => {
  it('boolean passes 0/1 through', () => {
    expect(norm(leaf({ method: 'boolean' }), [1, 0, NaN])).toEqual([1, 0, NaN]);
  });
  const steps: Normalise = { method: 'steps', steps: [{ at: 50, score: 0.5 }, { at: 80, score: 0.8 }, { at: 100, score: 1 }] };
  it('steps: the score of the highest step reached, else 0', () => {
    expect(norm(leaf(steps), [30, 50, 79, 80, 100, 150])).toEqual([0, 0.5, 0.5, 0.8, 1, 1]);
  });
  it('steps, lower is better: the lowest step not exceeded, else 0', () => {
    // at 50 → 0.5, at 80 → 0.8, at 100 → 1: x = 30 ≤ 50 → 0.5; 60 ≤ 80 → 0.8; 100 → 1; 120 → 0.
    expect(norm(leaf(steps, { direction: 'lower' }), [30, 60, 100, 120])).toEqual([0.5, 0.8, 1, 0]);
  });
});
