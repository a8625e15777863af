/**
 * Stage `impute`: fill a leaf's missing cells by its `impute` method. Donors are the cells that
 * had a value before this stage (an imputed cell never feeds another).
 *  - `mean` / `median`: over the units of the same year with a value;
 *  - `group-mean` / `group-median`: over the units of the same year and the same group
 *    (`impute_group`: a `columns.groups` column or the province's region); a group with no
 *    value, or a unit with no group, leaves the cell missing;
 *  - `previous`: the unit's latest earlier year with a value (last observation carried forward);
 *  - `linear`: linear interpolation between the unit's nearest earlier and later years with a
 *    value; before the first or after the last, the nearest observed value.
 * Runs over every year given at once, so `previous` and `linear` see a unit's whole series.
 */
import type { ImputeMethod } from '../definitions.js';
import type { UnitRecord } from '../model.js';
import type { Framework } from '../framework.js';
import type { Panel } from '../panel.js';

export interface ImputeLog {
  indicator: string;
  method: ImputeMethod;
  /** Cells filled, and cells left missing because no donor was found. */
  filled: number;
  unfilled: number;
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length === 0 ? NaN : s / xs.length;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Row indices grouped by a key, in row order. */
function groupBy(n: number, key: (i: number) => string | null): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const k = key(i);
    if (k === null) continue;
    const g = out.get(k);
    if (g === undefined) out.set(k, [i]); else g.push(i);
  }
  return out;
}

/** The group a row belongs to for group-mean/group-median (null: none). */
export function groupOf(fw: Framework, r: UnitRecord): string | null {
  const g = fw.definitions.imputeGroup;
  if (g === null) return null;
  if (g === 'region') return r.region;
  const k = fw.definitions.columns.groups.indexOf(g);
  return r.groups?.[k] ?? null;
}

export function impute(fw: Framework, p: Panel): { panel: Panel; log: ImputeLog[] } {
  const methods = fw.leaves.map((ni) => fw.nodes[ni]!.def!.impute);
  if (methods.every((m) => m === 'none')) return { panel: p, log: [] };
  const { n, rows } = p;
  const before = p.values;
  const values = before.slice();
  const imputed = p.imputed.slice();
  const year = (i: number) => (rows[i]!.year === null ? '' : String(rows[i]!.year));
  const byYear = groupBy(n, year);
  const byYearGroup = groupBy(n, (i) => { const g = groupOf(fw, rows[i]!); return g === null ? null : `${year(i)}\u0000${g}`; });
  // Each unit's dated rows in year order (undated rows have no series).
  const series = groupBy(n, (i) => (rows[i]!.year === null ? null : rows[i]!.key));
  for (const s of series.values()) s.sort((a, b) => rows[a]!.year! - rows[b]!.year!);

  const log: ImputeLog[] = [];
  methods.forEach((m, j) => {
    if (m === 'none') return;
    const base = j * n;
    const has = (i: number) => !Number.isNaN(before[base + i]!);
    let filled = 0;
    let unfilled = 0;
    const put = (i: number, v: number) => {
      if (Number.isNaN(v)) { unfilled++; return; }
      values[base + i] = v;
      imputed[base + i] = 1;
      filled++;
    };
    if (m === 'previous' || m === 'linear') {
      for (let i = 0; i < n; i++) if (!has(i) && rows[i]!.year === null) unfilled++;
      for (const s of series.values()) {
        s.forEach((i, pos) => {
          if (has(i)) return;
          let a = -1;
          for (let q = pos - 1; q >= 0; q--) if (has(s[q]!)) { a = s[q]!; break; }
          if (m === 'previous') { put(i, a < 0 ? NaN : before[base + a]!); return; }
          let b = -1;
          for (let q = pos + 1; q < s.length; q++) if (has(s[q]!)) { b = s[q]!; break; }
          if (a >= 0 && b >= 0) {
            const ta = rows[a]!.year!;
            const tb = rows[b]!.year!;
            const va = before[base + a]!;
            const vb = before[base + b]!;
            put(i, va + ((vb - va) * (rows[i]!.year! - ta)) / (tb - ta));
          } else put(i, a >= 0 ? before[base + a]! : b >= 0 ? before[base + b]! : NaN);
        });
      }
    } else {
      const grouped = m === 'group-mean' || m === 'group-median';
      const stat = m === 'mean' || m === 'group-mean' ? mean : median;
      const groups = grouped ? byYearGroup : byYear;
      const inGroup = new Set<number>();
      for (const idx of groups.values()) {
        const donors = idx.filter(has).map((i) => before[base + i]!);
        const v = stat(donors);
        for (const i of idx) {
          inGroup.add(i);
          if (!has(i)) put(i, v);
        }
      }
      // Rows with no group at all: nothing to impute from.
      for (let i = 0; i < n; i++) if (!has(i) && !inGroup.has(i)) unfilled++;
    }
    log.push({ indicator: fw.leafIds[j]!, method: m, filled, unfilled });
  });
  return { panel: { ...p, values, imputed }, log };
}
