/**
 * How a user names a unit (`explain`, `compare`, `report --unit`, the library's verbs): any
 * spelling of a province the registry knows, or a free unit's name; the one place that turns a
 * name into a unit's key, and says why when it cannot.
 */
import type { UnitKind } from './model.js';
import { type Diagnostic, type Result, error } from './diagnostics.js';
import { msg } from './messages.js';
import { type Province, findProvince, successorOf } from './provinces.js';
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
    const key = [...known.keys()].find((k) => k === p.province.code || k === `2025:${p.province.code}`);
    return key === undefined ? fail(absentProvince(p.province, known, known.size)) : { ok: true, value: key, warnings: [] };
  }
  const key = [...known.keys()].find((k) => fold(k) === fold(name.trim().normalize('NFC')));
  if (key === undefined) return fail(error('UNKNOWN_PROVINCE.noUnit', { name }, {}, msg('hint.units', { units: [...known.values()].sort(compareVi).slice(0, 10).join(', ') })));
  return { ok: true, value: key, warnings: [] };
}

/**
 * Why a province has no row among `keys` (the units' keys): on the 34 after the merger, a
 * province of the 63 merged into one of them is named with its successor (Vĩnh Phúc → Phú Thọ);
 * else the data simply lack it.
 */
function absentProvince(p: Province, keys: { has(key: string): boolean }, units: number): Diagnostic {
  const succ = successorOf(p.code);
  if (succ !== undefined && succ.code !== p.code && keys.has(`2025:${succ.code}`)) {
    return error('UNKNOWN_PROVINCE.merged', { name: p.name, successor: succ.name }, {}, msg('hint.useSuccessor', { successor: succ.name }));
  }
  return error('UNKNOWN_PROVINCE.noRow', { name: p.name }, {}, msg('hint.unitCount', { n: units }));
}
