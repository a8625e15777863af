/**
 * How a user names a unit (`explain`, `compare`, `report --unit`, the library's verbs): any
 * spelling of a province the registry knows, or a free unit's name; the one place that turns a
 * name into a unit's key, and says why when it cannot.
 */
import type { UnitKind } from './model.js';
import { type Diagnostic, type Result, error } from './diagnostics.js';
import { msg } from './messages.js';
import { findProvince, on34 } from './provinces.js';
import { compareVi, fold } from './text.js';

/** The units a name is looked up among: a dataset, or a run's records over its years. */
export interface Units {
  unitKind: UnitKind;
  records: readonly { key: string; unit: string }[];
}

/** A run's units: every year's records (on the 34 provinces after a run with `merge2025`). */
export function unitsOf(run: { data: { unitKind: UnitKind }; years: readonly { records: readonly { key: string; unit: string }[] }[] }): Units {
  return { unitKind: run.data.unitKind, records: run.years.flatMap((ys) => ys.records) };
}

/**
 * The key of the unit named `name` among `units`: for provinces any spelling the registry
 * knows (on the 34, a province of the 63 is named with its successor), else the unit's name
 * (case and accents folded). An unknown name is an UNKNOWN_PROVINCE error with a hint.
 */
export function findUnit(units: Units, name: string): Result<string> {
  const known = new Map<string, string>();
  for (const r of units.records) if (!known.has(r.key)) known.set(r.key, r.unit);
  const fail = (d: Diagnostic): Result<string> => ({ ok: false, warnings: [], errors: [d] });
  if (units.unitKind === 'province') {
    const p = findProvince(name);
    if (!p.ok) return fail(error('UNKNOWN_PROVINCE', { name }, {}, p.suggestions.length > 0 ? msg('hint.didYouMean', { options: p.suggestions }) : msg('hint.seeProvinces')));
    if ([...known.keys()].some((k) => k.startsWith('2025:'))) {
      // On the 34: the name as the data are read on the 34 (on34), a province of the 63 merged
      // into another named with its successor.
      const q = on34(name)!;
      if (q.merged !== undefined) {
        return fail(error('UNKNOWN_PROVINCE.merged', { name: q.merged.name, successor: q.province.name }, {}, msg('hint.useSuccessor', { successor: q.province.name })));
      }
      const key = `2025:${q.province.code}`;
      return known.has(key) ? { ok: true, value: key, warnings: [] } : fail(error('UNKNOWN_PROVINCE.noRow', { name: q.province.name }, {}, msg('hint.unitCount', { n: known.size })));
    }
    const key = [...known.keys()].find((k) => k === p.province.code);
    return key === undefined ? fail(error('UNKNOWN_PROVINCE.noRow', { name: p.province.name }, {}, msg('hint.unitCount', { n: known.size }))) : { ok: true, value: key, warnings: [] };
  }
  const key = [...known.keys()].find((k) => fold(k) === fold(name.trim().normalize('NFC')));
  if (key === undefined) return fail(error('UNKNOWN_PROVINCE.noUnit', { name }, {}, msg('hint.units', { units: [...known.values()].sort(compareVi).slice(0, 10).join(', ') })));
  return { ok: true, value: key, warnings: [] };
}
