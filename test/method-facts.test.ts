/**
 * What a method is lives in its registry entry (src/core/methods/): code elsewhere asks the
 * entry (usesPool, bounded, maximum, yesNo, logarithmic, fullWeight, …), never the method's
 * id. A scan of src/ outside methods/ with TypeScript's parser finds an id tested by name:
 * compared with a method or an aggregation, a `case` of a switch over one, two or more ids of
 * one registry in a list, a union type or an object's keys, or looked up in a collection of
 * methods. Then the facts themselves, checked against each method's own `apply`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AGGREGATE, aggregateMethodOf } from '../src/core/methods/aggregate.js';
import { NORMALISE } from '../src/core/methods/normalise/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const REGISTRIES: readonly (readonly string[])[] = [NORMALISE.map((m) => m.id), AGGREGATE.map((m) => m.id)];
const isId = (s: string) => REGISTRIES.some((r) => r.includes(s));
/** Text that names a method, an aggregation or a collection of them. */
const ABOUT_METHODS = /method|normali[sz]|aggreg|\baggs?\b|\bnorms?\b/i;
const COMPARISONS = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];
const DEFAULTS = [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return p === join(SRC, 'core', 'methods') ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Every place in `code` where a method's id is tested by name (file:line: what). */
export function idsByName(file: string, code: string): string[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const at = (n: ts.Node, what: string) => out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${what}`);
  const literal = (n: ts.Node): string | undefined => (ts.isStringLiteralLike(n) ? n.text : ts.isLiteralTypeNode(n) && ts.isStringLiteralLike(n.literal) ? n.literal.text : undefined);
  /** Two or more ids of one registry among these texts. */
  const list = (texts: (string | undefined)[]) => REGISTRIES.some((r) => new Set(texts.filter((t) => t !== undefined && r.includes(t))).size >= 2);
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && COMPARISONS.includes(n.operatorToken.kind)) {
      for (const [a, b] of [[n.left, n.right], [n.right, n.left]] as const) {
        const t = literal(a);
        if (t !== undefined && isId(t) && ABOUT_METHODS.test(b.getText(sf))) at(n, `compared by name: ${n.getText(sf)}`);
      }
    }
    // A default by name: `d.aggregate ?? 'mean'`, `{ method: 'none' }`.
    if (ts.isBinaryExpression(n) && DEFAULTS.includes(n.operatorToken.kind)) {
      const t = literal(n.right);
      if (t !== undefined && isId(t) && ABOUT_METHODS.test(n.left.getText(sf))) at(n, `a default by name: ${n.getText(sf)}`);
    }
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && ABOUT_METHODS.test(n.name.text)) {
      const t = literal(n.initializer);
      if (t !== undefined && isId(t)) at(n, `set by name: ${n.getText(sf)}`);
    }
    if (ts.isSwitchStatement(n) && ABOUT_METHODS.test(n.expression.getText(sf))) {
      for (const c of n.caseBlock.clauses) {
        const t = ts.isCaseClause(c) ? literal(c.expression) : undefined;
        if (t !== undefined && isId(t)) at(c, `case '${t}' of a switch over ${n.expression.getText(sf)}`);
      }
    }
    if (ts.isArrayLiteralExpression(n) && list(n.elements.map(literal))) at(n, `a list of ids: ${n.getText(sf)}`);
    if (ts.isUnionTypeNode(n) && list(n.types.map(literal))) at(n, `a union of ids: ${n.getText(sf)}`);
    if (ts.isObjectLiteralExpression(n)) {
      const keys = n.properties.map((p) => (p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined));
      if (list(keys) && keys.filter((k) => k !== undefined && isId(k)).length >= 3) at(n, 'an object keyed by ids');
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['includes', 'has', 'indexOf', 'get'].includes(n.expression.name.text)) {
      const t = n.arguments[0] === undefined ? undefined : literal(n.arguments[0]);
      if (t !== undefined && isId(t) && ABOUT_METHODS.test(n.expression.expression.getText(sf))) at(n, `looked up by name: ${n.getText(sf)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('no method id is tested by name outside src/core/methods/', () => {
  it('src/ asks the registry, not the id', () => {
    const found = sources(SRC).flatMap((f) => idsByName(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
  it('the scan finds each way of testing an id by name (and lets other vocabularies be)', () => {
    const code = [
      "if (leaf.normalize.method === 'zscore') x();",
      "const full = nd.aggregate === 'sum';",
      "switch (nm.method) { case 'target': case 'goalposts': break; }",
      "const ALT = ['minmax', 'zscore', 'rank'];",
      "type Alt = 'mean' | 'geometric';",
      "const WORD = { none: 1, target: 2, goalposts: 3 };",
      "if (aggs.includes('geometric')) y();",
      "const a = d.aggregate ?? 'mean';",
      "const n = { method: 'none' };",
      // Not methods: a transform, an imputation, a word of a table, a JavaScript type.
      "switch (t) { case 'none': break; }",
      "const leaf = { transform: 'none', impute: 'mean' };",
      "type Impute = 'none' | 'mean' | 'median';",
      "const head = ['year', 'rank', 'value'];",
      "if (typeof v === 'boolean') z();",
    ].join('\n');
    expect(idsByName('x.ts', code).map((s) => s.replace(/: .*/, ''))).toEqual([
      'x.ts:1', 'x.ts:2', 'x.ts:3', 'x.ts:3', 'x.ts:4', 'x.ts:5', 'x.ts:6', 'x.ts:7', 'x.ts:8', 'x.ts:9',
    ]);
  });
});

describe("each normalisation method's facts agree with its own formula", () => {
  // Parameters each method takes, for the checks below.
  const params: Record<string, Record<string, unknown>> = {
    target: { target: 80 }, goalposts: { min: 10, max: 90 }, steps: { steps: [{ at: 10, score: 0.25 }, { at: 50, score: 0.5 }, { at: 90, score: 0.75 }] },
  };
  const xs = Float64Array.from({ length: 41 }, (_, i) => i * 2.5 - 5 - 0.5 * (i % 3));
  const normalise = (id: string, x: Float64Array, lower = false) => {
    const m = NORMALISE.find((e) => e.id === id)!;
    const p = { method: id, ...params[id] };
    const out = new Float64Array(x.length).fill(NaN);
    m.apply(x, x, p, lower, (v) => v, out);
    return { m, p, out };
  };
  for (const method of NORMALISE) {
    it(`${method.id}: bounded, maximum, negative and invert`, () => {
      const x = method.yesNo ? xs.map((v) => (v > 40 ? 1 : 0)) : xs;
      for (const lower of method.directional ? [false, true] : [false]) {
        const { m, p, out } = normalise(method.id, x, lower);
        const max = m.maximum(p, out);
        if (m.bounded(p)) for (const v of out) expect(v >= 0 && v <= 1).toBe(true);
        if (!Number.isNaN(max)) for (const v of out) expect(v).toBeLessThanOrEqual(max);
        if (!m.negative && !m.asIs) for (const v of out) expect(v).toBeGreaterThanOrEqual(0);
        // A method that takes nothing from the pool can say where its value first reaches y.
        expect(m.invert === undefined).toBe(m.usesPool);
        if (m.invert === undefined) continue;
        for (const y of [0, 0.25, 0.5, 0.75, 1]) {
          const at = m.invert(p, y, lower, (v) => v);
          const raw = 'raw' in at ? at.raw : at.transformed;
          if (raw === null || !Number.isFinite(raw)) continue;
          const reached = new Float64Array(1).fill(NaN);
          m.apply(Float64Array.of(raw), Float64Array.of(raw), p, lower, (v) => v, reached);
          expect(reached[0]! + 1e-12).toBeGreaterThanOrEqual(y);
        }
      }
    });
  }
  it('zscore is the only alternative whose values may be negative; the aggregations know what they combine', () => {
    expect(NORMALISE.filter((m) => m.alternative && m.negative).map((m) => m.id)).toEqual(['zscore']);
    // A geometric mean of 0.25 and 1 (equal weights) is 0.5: it combines logarithms; a sum of them is 1.25 at full weight.
    const vals = Float64Array.of(0.25, 1);
    const ws = Float64Array.of(1, 1);
    for (const a of AGGREGATE) {
      const v = a.combine(vals, ws, 2, 0);
      expect(v).toBeCloseTo(a.logarithmic ? 0.5 : a.fullWeight ? 1.25 : 0.625, 12);
      expect(a.needsNonNegative).toBe(a.logarithmic);
    }
    expect(aggregateMethodOf('geometric').takesFloor).toBe(true);
  });
});
