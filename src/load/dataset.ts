/**
 * From a parsed CSV table (strings with positions) to a dataset of units × leaves, checked
 * against the definitions. Pure: the shell reads and tokenises the file; every problem
 * found here is a located diagnostic, all of them in one pass.
 */
import { type Diagnostic, type Result, error, meant, warning } from '../core/diagnostics.js';
import { msg } from '../core/messages.js';
import { domainErrors, limitWarnings } from '../core/stages/transform.js';
import { missingErrors } from '../core/stages/missing.js';
import { denominatorErrors } from '../core/stages/denominate.js';
import { type Framework, forYear } from '../core/framework.js';
import { normaliseMethodOf } from '../core/methods/normalise/index.js';
import { findProvince, on34, region2025 } from '../core/provinces.js';
import { parseBoolean, parseNumber } from '../core/values.js';
import type { Cell, DataOptions, Dataset, Decimal, ProvinceMap, UnitKind, UnitRecord } from '../core/model.js';
import { type Row, type RowTable, asRow } from './rows.js';
import { pushAll } from '../core/arrays.js';
import { cleanName } from '../core/text.js';

const UNIT_COLUMNS: Record<string, UnitKind> = { province: 'province', unit: 'unit' };
const RESERVED_COLUMNS = new Set(['province', 'unit', 'year', 'indicator', 'value']);

/** Columns whose name starts with these are notes for people, ignored by the tool. */
const IGNORED_PREFIX = /^[#_]/;

/** Where diagnostics go while a table is read. */
interface Ctx {
  file: string | undefined;
  at: (c: { line: number; col: number } | undefined) => { file?: string; line?: number; col?: number };
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** What the header says: which column is what. */
interface Header {
  names: string[];
  width: number;
  unitCol: number;
  unitKind: UnitKind;
  yearCol: number;
  isLong: boolean;
  indicatorCol: number;
  valueCol: number;
  /** Wide files: the columns holding leaves. */
  leafColumns: { col: number; leaf: number }[];
  /** The columns of `columns.groups` and `columns.denominators`, in their order (-1: absent). */
  groupCols: number[];
  denominatorCols: number[];
}

type Resolved = { unit: string; code: string | null; key: string; region: string | null };

/**
 * A workbook's formula cell with no saved value, where a value is read: openpyxl and pandas
 * write formulas without computing them, and reading the cell as missing would move ranks
 * silently (Đà Nẵng from 1st to 4th for one such cell).
 */
function uncalculatedError(column: string, at: { file?: string; line?: number; col?: number }): Diagnostic {
  return error('UNCALCULATED_FORMULA', { column }, at, msg('hint.calculate'));
}

/** Check a table against the framework and build the dataset. */
export function readDataset(table: RowTable, fw: Framework, opts: DataOptions = {}): Result<Dataset> {
  const file = table.file;
  const ctx: Ctx = {
    file,
    at: (c) => ({ ...(file === undefined ? {} : { file }), ...(c === undefined ? {} : { line: c.line, col: c.col }) }),
    errors: [],
    warnings: [],
  };
  const { errors, warnings } = ctx;
  if (table.header.length === 0) {
    errors.push(error('EMPTY_FILE', {}, ctx.at({ line: 1, col: 1 }), msg('hint.headerRow')));
    return { ok: false, errors, warnings };
  }
  const h = readHeader(table, fw, ctx);
  if (h === undefined) return { ok: false, errors, warnings };
  // A year given for the file (--year) where the rows give their own: said, not silently unused.
  if (opts.year !== undefined && h.yearCol >= 0) {
    warnings.push(warning('BAD_YEAR.ignored', { year: opts.year }, ctx.at(table.header[h.yearCol]), msg('hint.yearColumn')));
  }
  const { records, invalid, map } = readRows(table, fw, h, ctx, opts);
  if (!h.isLong) absentColumns(fw, h, records, ctx, table.header[0]);
  if (records.length > 0) noValueAtAll(fw, records, invalid, ctx, table.header[0]);
  if (records.length === 0 && errors.length === 0) {
    errors.push(error('NO_DATA', {}, ctx.at(table.header[0]), msg('hint.rowPerUnit', { kind: h.unitKind })));
  }
  // Appended one by one: a file may have hundreds of thousands of them (no push(...big)).
  pushAll(errors, missingErrors(fw, records, invalid, file));
  pushAll(errors, denominatorErrors(fw, records, file));
  pushAll(errors, domainErrors(fw, records, file));
  pushAll(warnings, limitWarnings(fw, records, file));
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, value: { ...(file === undefined ? {} : { file }), unitKind: h.unitKind, layout: h.isLong ? 'long' : 'wide', map, records }, warnings };
}

const byLowerCase = new WeakMap<Framework, Map<string, string>>();
/** The leaf ids by their lowercase form (the first of ids that differ only in case), built once per framework. */
function leafIdsByLowerCase(fw: Framework): Map<string, string> {
  let m = byLowerCase.get(fw);
  if (m === undefined) {
    m = new Map();
    for (const id of fw.leafIds) if (!m.has(id.toLowerCase())) m.set(id.toLowerCase(), id);
    byLowerCase.set(fw, m);
  }
  return m;
}

/**
 * A wide file with no column for some leaves: a warning, for the leaves that are part of the
 * index in at least one of the file's years (`years`: a node of another method is not expected).
 */
function absentColumns(fw: Framework, h: Header, records: readonly UnitRecord[], ctx: Ctx, cell: Cell | undefined): void {
  const present = new Set(h.leafColumns.map((c) => c.leaf));
  const years = [...new Set(records.map((r) => r.year))];
  const expected = fw.leafIds.flatMap((id, j) =>
    years.length === 0 || years.some((y) => forYear(fw, y).inactive?.[fw.leaves[j]!] !== 1) ? [{ id, j }] : []);
  const absent = expected.filter((e) => !present.has(e.j)).map((e) => e.id);
  if (absent.length > 0 && absent.length < expected.length) {
    const listed = absent.length > 8 ? `${absent.slice(0, 8).join(', ')} and ${absent.length - 8} more` : absent.join(', ');
    ctx.warnings.push(warning('MISSING_VALUE.columns', { absent: absent.length, expected: expected.length, list: listed }, ctx.at(cell), msg('hint.missingEverywhere')));
  }
}

/**
 * Rows, indicator cells, and not one value in any of them (an unfilled `dti template`): an
 * error, not a ranking of every unit tied at 0. A cell that is not a number is a value given
 * (reported as such); a file with no indicator cell at all is said otherwise (UNKNOWN_COLUMN).
 */
function noValueAtAll(fw: Framework, records: readonly UnitRecord[], invalid: ReadonlySet<string>, ctx: Ctx, cell: Cell | undefined): void {
  const L = fw.leaves.length;
  let cells = false;
  for (const r of records) {
    for (let j = 0; j < L; j++) {
      if (r.lines[j] === 0) continue;
      if (!Number.isNaN(r.values[j]!) || invalid.has(`${r.lines[j]}:${r.cols[j]}`)) return;
      cells = true;
    }
  }
  if (cells) ctx.errors.push(error('MISSING_VALUE.nothing', {}, ctx.at(cell), msg('hint.fillTemplate')));
}

/** What a column may be called: each leaf's id and its names in both languages (for "did you mean"). */
function leafNamesAndIds(fw: Framework): string[] {
  const out = new Set(fw.leafIds);
  for (const ni of fw.leaves) {
    const { name } = fw.nodes[ni]!.def!;
    out.add(name.vi);
    out.add(name.en);
  }
  return [...out];
}

/** A column that names no leaf: an error with the closest id (or the group it names). */
function unknownColumn(fw: Framework, ctx: Ctx, name: string, cell: Cell | undefined, what: string): void {
  const nodeIdx = fw.index.get(name);
  // Ids are case-sensitive: a column that differs from a leaf id only in case names that id.
  const twin = nodeIdx === undefined ? leafIdsByLowerCase(fw).get(name.toLowerCase()) : undefined;
  if (twin !== undefined) {
    ctx.errors.push(error('UNKNOWN_COLUMN.case', { what, name, id: twin }, ctx.at(cell), msg('hint.caseSensitive', { id: twin })));
  } else if (nodeIdx !== undefined) {
    ctx.errors.push(error('UNKNOWN_COLUMN.group', { name }, ctx.at(cell), msg('hint.leavesOnly')));
  } else {
    ctx.errors.push(error('UNKNOWN_COLUMN', { what, name, id: fw.definitions.id }, ctx.at(cell), meant(name, leafNamesAndIds(fw)) ?? msg('hint.unknownColumn')));
  }
}

/** The header: duplicate names, the unit and year columns, wide or long, the leaves' columns. */
function readHeader(table: RowTable, fw: Framework, ctx: Ctx): Header | undefined {
  const { errors, at } = ctx;
  // Headers as people see them: a zero-width or no-break space does not make another column.
  const names = table.header.map((c) => cleanName(c.text));
  const lower = names.map((n) => n.toLowerCase());
  // The tool's own columns (province, unit, year, indicator, value) are found in any case;
  // indicator columns match their id exactly, as ids are case-sensitive (LPI, ConSpeed).
  const headerKey = (i: number) => (RESERVED_COLUMNS.has(lower[i]!) ? lower[i]! : names[i]!);
  const firstAt = new Map<string, number>();
  names.forEach((_, i) => {
    const n = headerKey(i);
    const prev = firstAt.get(n);
    if (prev !== undefined && n !== '') {
      errors.push(error('DUPLICATE_HEADER', { name: names[i]! }, at(table.header[i]), msg('hint.firstColumn', { n: prev + 1 })));
    } else firstAt.set(n, i);
  });

  // A column repeated (unit,Unit) is one problem, reported above: only its first counts.
  const repeat = (i: number) => names[i] !== '' && firstAt.get(headerKey(i)) !== i;
  const unitCols = lower.flatMap((n, i) => (Object.hasOwn(UNIT_COLUMNS, n) && !repeat(i) ? [i] : []));
  if (unitCols.length === 0) {
    errors.push(error('MISSING_UNIT_COLUMN', {}, at(table.header[0]), msg('hint.unitColumn')));
    return undefined;
  }
  if (unitCols.length > 1) {
    errors.push(error('DUPLICATE_HEADER.unitColumns', {}, at(table.header[unitCols[1]!]), msg('hint.keepOne')));
  }
  const unitCol = unitCols[0]!;
  const unitKind = UNIT_COLUMNS[lower[unitCol]!]!;
  const yearCol = lower.indexOf('year');
  const isLong = lower.includes('indicator') && lower.includes('value') && !names.some((n) => fw.index.has(n) && fw.nodes[fw.index.get(n)!]!.kind === 'leaf');
  const leafOf = new Map(fw.leafIds.map((id, j) => [id, j]));

  const leafColumns: { col: number; leaf: number }[] = [];
  const indicatorCol = isLong ? lower.indexOf('indicator') : -1;
  const valueCol = isLong ? lower.indexOf('value') : -1;
  const aux = fw.definitions.columns;
  const groupCols = aux.groups.map((g) => names.indexOf(g));
  const denominatorCols = aux.denominators.map((g) => names.indexOf(g));
  const auxCols = new Set([...groupCols, ...denominatorCols]);
  names.forEach((n, i) => {
    if (i === unitCol || i === yearCol || i === indicatorCol || i === valueCol || auxCols.has(i) || repeat(i)) return;
    if (IGNORED_PREFIX.test(n) || (n === '' && isLong)) return;
    if (isLong) {
      unknownColumn(fw, ctx, n, table.header[i], 'column');
      return;
    }
    const j = leafOf.get(n);
    if (j === undefined) unknownColumn(fw, ctx, n, table.header[i], 'column');
    else leafColumns.push({ col: i, leaf: j });
  });
  // An auxiliary column a stage needs but the file lacks.
  const needed = new Set(fw.leaves.map((ni) => fw.nodes[ni]!.def!.denominator).filter((x): x is string => x !== null));
  aux.denominators.forEach((c, k) => {
    if (denominatorCols[k]! < 0 && needed.has(c)) {
      const users = fw.leaves.filter((ni) => fw.nodes[ni]!.def!.denominator === c).map((ni) => fw.nodes[ni]!.id);
      errors.push(error('MISSING_VALUE.denominator', { column: c, users }, at(table.header[0]), msg('hint.addDenominator', { column: c })));
    }
  });
  const grouping = fw.definitions.imputeGroup;
  const usesGroups = fw.leaves.some((ni) => fw.nodes[ni]!.def!.impute.startsWith('group-'));
  if (usesGroups && grouping !== null && grouping !== 'region' && groupCols[aux.groups.indexOf(grouping)]! < 0) {
    errors.push(error('MISSING_VALUE.imputeGroup', { column: grouping }, at(table.header[0]), msg('hint.addGroupColumn', { column: grouping })));
  }
  if (usesGroups && grouping === 'region' && unitKind !== 'province') {
    errors.push(error('MISSING_VALUE.regionGroup', {}, at(table.header[unitCol]), msg('hint.ownGroupColumn')));
  }
  return { names, width: names.length, unitCol, unitKind, yearCol, isLong, indicatorCol, valueCol, leafColumns, groupCols, denominatorCols };
}

/**
 * Resolves a unit cell: free text for units; for provinces, the registry on the map in use
 * (`getMap()`, decided by the first dated row when the file does not say).
 */
function unitResolver(unitKind: UnitKind, ctx: Ctx, opts: DataOptions, getMap: () => ProvinceMap | null): (cell: Cell) => Resolved | undefined {
  const { errors, at } = ctx;
  return (cell) => {
    // Names that print the same are the same unit: invisible characters and odd spaces go.
    if (cell.uncalculated === true) {
      errors.push(uncalculatedError(unitKind, at(cell)));
      return undefined;
    }
    const text = cleanName(cell.text);
    if (text === '') {
      errors.push(error('UNKNOWN_PROVINCE.empty', { kind: unitKind }, at(cell), msg('hint.everyRowUnit', { kind: unitKind })));
      return undefined;
    }
    if (unitKind === 'unit') return { unit: text, code: null, key: text, region: null };
    if (getMap() === '34') {
      // A code names a province of the 34 directly; a name must be that of one of the 34 (on34).
      const p = on34(text);
      if (p !== undefined && p.merged === undefined) {
        return { unit: p.province.name, code: p.province.code, key: `2025:${p.province.code}`, region: region2025(p.province) };
      }
      if (p?.merged !== undefined) {
        errors.push(error('MIXED_MAPS', { name: p.merged.name, successor: p.province.name }, at(cell), msg('hint.map34', { all: opts.map !== '34', name: p.province.name })));
        return undefined;
      }
    }
    const found = findProvince(text);
    if (found.ok) return { unit: found.province.name, code: found.province.code, key: found.province.code, region: found.province.region };
    errors.push(error('UNKNOWN_PROVINCE', { name: text }, at(cell),
      found.suggestions.length > 0 ? msg('hint.didYouMean', { options: found.suggestions }) : msg('hint.provinceNames')));
    return undefined;
  };
}

/**
 * A unit's record as read from a table. The values are a view into a block shared by many
 * records; the position of each leaf's cell is kept compactly, as its column in 16 bits in a
 * block shared likewise, its line being the record's. `lines` and `cols` are made when first
 * asked for (by a diagnostic), or at once for a cell that does not fit (on another line, as in
 * a long file or after a quoted line break, or past column 65,535).
 */
class ReadRecord implements UnitRecord {
  groups?: (string | null)[];
  denominators?: Float64Array;
  denominatorAt?: Int32Array;
  /** Column of each leaf's cell (0: none), at `#off` in the block. */
  readonly #col16: Uint16Array;
  readonly #off: number;
  #lines: Int32Array | undefined;
  #cols: Int32Array | undefined;
  constructor(
    readonly unit: string, readonly code: string | null, readonly key: string, readonly region: string | null,
    readonly year: number | null, readonly line: number, readonly values: Float64Array, col16: Uint16Array, off: number,
  ) {
    this.#col16 = col16;
    this.#off = off;
  }
  /** Leaf j's cell is at line:col. */
  setAt(j: number, line: number, col: number): void {
    if (this.#lines === undefined && line === this.line && col <= 0xffff) this.#col16[this.#off + j] = col;
    else { this.lines[j] = line; this.cols[j] = col; }
  }
  /** Whether leaf j has a cell already. */
  has(j: number): boolean { return this.#cols === undefined ? this.#col16[this.#off + j] !== 0 : this.#cols[j] !== 0; }
  get lines(): Int32Array {
    if (this.#lines === undefined) this.#expand();
    return this.#lines!;
  }
  get cols(): Int32Array {
    if (this.#cols === undefined) this.#expand();
    return this.#cols!;
  }
  #expand(): void {
    const L = this.values.length;
    const lines = new Int32Array(L);
    const cols = new Int32Array(L);
    for (let j = 0; j < L; j++) {
      const c = this.#col16[this.#off + j]!;
      if (c !== 0) { lines[j] = this.line; cols[j] = c; }
    }
    this.#lines = lines;
    this.#cols = cols;
  }
}

/** Which map of provinces a table's names are on: as asked, from a fixed year, or (null here) from the first row's year. */
function mapOf(unitKind: UnitKind, opts: DataOptions, yearCol: number, fixedYear: number | undefined): { map: ProvinceMap | null; fromFirstRow: boolean } {
  if (unitKind !== 'province') return { map: null, fromFirstRow: false };
  if (opts.map === '63' || opts.map === '34') return { map: opts.map, fromFirstRow: false };
  if (yearCol < 0) return { map: (fixedYear ?? 0) >= 2025 ? '34' : '63', fromFirstRow: false };
  return { map: null, fromFirstRow: true };
}

/** A row's year: from the year column (four digits, else an error and undefined), or the fixed one (null: none). */
function yearReader(yearCol: number, fixedYear: number | undefined, ctx: Ctx): (row: Row) => number | null | undefined {
  const { errors, at } = ctx;
  if (yearCol < 0) return () => fixedYear ?? null;
  return (row) => {
    const k = yearCol;
    const cell = row.cell(k < row.length ? k : 0);
    if (k < row.length && cell.uncalculated === true) {
      errors.push(uncalculatedError('year', at(cell)));
      return undefined;
    }
    const t = k < row.length ? row.text(k).trim() : '';
    if (/^\d{4}$/.test(t)) return Number(t);
    errors.push(t === '' ? error('BAD_YEAR.empty', {}, at(cell), msg('hint.fourDigits')) : error('BAD_YEAR', { text: t }, at(cell), msg('hint.fourDigits')));
    return undefined;
  };
}

/**
 * A year that does not belong: rows dated otherwise than the one year in the file's name
 * (loi-2023.csv with a row at 2032), or, in a file whose name says no year, a year that one row
 * alone has among many of another (a typo that would be scored as a year of its own). Warnings
 * at the first such row's year cell, naming the row, its year and the file's.
 */
function yearWarnings(years: Map<number, { n: number; at: ReturnType<Ctx['at']>; unit: string }>, opts: DataOptions, ctx: Ctx, table: RowTable): void {
  if (years.size === 0 || opts.year !== undefined) return;
  const name = table.file ?? '';
  if (opts.nameYear !== undefined) {
    for (const [year, s] of years) {
      if (year !== opts.nameYear) ctx.warnings.push(warning('BAD_YEAR.fileName', { year, file: name, fileYear: opts.nameYear, unit: s.unit, n: s.n }, s.at, msg('hint.yearOfFile', { year: opts.nameYear })));
    }
    return;
  }
  let most = 0;
  let usual = 0;
  for (const [year, s] of years) if (s.n > most) { most = s.n; usual = year; }
  if (most < 10) return;
  for (const [year, s] of years) {
    if (s.n === 1) ctx.warnings.push(warning('BAD_YEAR.alone', { year, unit: s.unit, usual, n: most }, s.at, msg('hint.yearOfFile', { year: usual })));
  }
}

/**
 * The records of a table, one per unit and year, in the order first met. Their values and
 * columns are views into blocks shared by SLAB records: one allocation per block, not typed
 * arrays (each with its own buffer) per unit.
 */
class Records {
  static readonly SLAB = 512;
  readonly list: ReadRecord[] = [];
  /** By year, then by the unit's key (no string made per row to look a record up). */
  readonly #byYear = new Map<number | null, Map<string, ReadRecord>>();
  #values = new Float64Array(0);
  #cols = new Uint16Array(0);
  #used = Records.SLAB;
  constructor(private readonly L: number, private readonly G: number, private readonly D: number) {}
  /** The unit's record for the year, made (fresh) if it is the first row of that unit-year. */
  for(u: Resolved, year: number | null, line: number): { record: ReadRecord; fresh: boolean } {
    let byKey = this.#byYear.get(year);
    if (byKey === undefined) this.#byYear.set(year, (byKey = new Map()));
    const found = byKey.get(u.key);
    if (found !== undefined) return { record: found, fresh: false };
    const { L, G, D } = this;
    if (this.#used === Records.SLAB) {
      this.#values = new Float64Array(Records.SLAB * L).fill(NaN);
      this.#cols = new Uint16Array(Records.SLAB * L);
      this.#used = 0;
    }
    const off = this.#used * L;
    this.#used++;
    const r = new ReadRecord(u.unit, u.code, u.key, u.region, year, line, new Float64Array(this.#values.buffer, off * 8, L), this.#cols, off);
    if (G > 0) r.groups = new Array<string | null>(G).fill(null);
    if (D > 0) { r.denominators = new Float64Array(D).fill(NaN); r.denominatorAt = new Int32Array(2 * D); }
    byKey.set(u.key, r);
    this.list.push(r);
    return { record: r, fresh: true };
  }
}

/** Auxiliary cells (`columns.groups`, `columns.denominators`): every row of a unit-year (long files repeat them) must agree. */
function auxReader(h: Header, ctx: Ctx, decimal: Decimal): (r: UnitRecord, row: Row) => void {
  const { errors, at } = ctx;
  return (r, row) => {
    h.groupCols.forEach((c, k) => {
      if (c < 0) return;
      const cell = row.cell(c);
      const t = cleanName(cell.text);
      const v = t === '' ? null : t;
      const before = r.groups![k]!;
      if (before !== null && v !== null && before !== v) {
        errors.push(error('DUPLICATE_ROW.group', { column: h.names[c]!, value: v, before, unit: r.unit }, at(cell), msg('hint.oneGroup')));
      } else if (v !== null) r.groups![k] = v;
    });
    h.denominatorCols.forEach((c, k) => {
      if (c < 0) return;
      const cell = row.cell(c);
      const v = parseNumber(cell.text, decimal);
      if (v.kind === 'invalid') { errors.push(error('NOT_A_NUMBER', { where: h.names[c]!, reason: v.reason }, at(cell), v.hint)); return; }
      if (v.kind === 'missing') return;
      const before = r.denominators![k]!;
      if (!Number.isNaN(before) && before !== v.value) {
        errors.push(error('DUPLICATE_ROW.denominator', { column: h.names[c]!, value: v.value, before, unit: r.unit, line: r.denominatorAt![2 * k]! }, at(cell), msg('hint.oneValue')));
        return;
      }
      r.denominators![k] = v.value;
      r.denominatorAt![2 * k] = cell.line;
      r.denominatorAt![2 * k + 1] = cell.col;
    });
  };
}

/**
 * Cell k of a row as leaf j's value and position: a number (or yes/no), missing, or an error.
 * Cells reported as not a number go into `invalid`, so `missing: error` does not report them again.
 */
function valueReader(fw: Framework, ctx: Ctx, decimal: Decimal, invalid: Set<string>): (r: ReadRecord, j: number, row: Row, k: number) => void {
  const { errors, at } = ctx;
  const isBoolean = fw.leaves.map((ni) => normaliseMethodOf(fw.nodes[ni]!.def!.normalize.method).yesNo);
  /** Missing, not a number, yes/no, or a formula never calculated (a function apart, so the common case below stays small and is optimised early). */
  const other = (r: ReadRecord, j: number, row: Row, k: number) => {
    // An empty cell (the usual missing value) is missing for every method: no cell is made for it.
    if (row.text(k) === '' && !row.uncalculated(k)) return;
    const cell = row.cell(k);
    if (cell.uncalculated === true) {
      invalid.add(`${cell.line}:${cell.col}`);
      errors.push(uncalculatedError(fw.leafIds[j]!, at(cell)));
      return;
    }
    const v = isBoolean[j] ? parseBoolean(cell.text) : cell.value !== undefined ? { kind: 'number' as const, value: cell.value } : parseNumber(cell.text, decimal);
    if (v.kind === 'number') r.values[j] = v.value;
    else if (v.kind === 'invalid') {
      invalid.add(`${cell.line}:${cell.col}`);
      errors.push(error('NOT_A_NUMBER', { where: fw.leafIds[j]!, reason: v.reason }, at(cell), v.hint));
    }
  };
  return (r, j, row, k) => {
    r.setAt(j, row.line(k), row.col(k));
    if (!isBoolean[j]) {
      const x = row.number(k, decimal);
      if (x === x) { r.values[j] = x; return; }
    }
    other(r, j, row, k);
  };
}

/** The rows, read once in order: one record per unit and year, every cell checked. */
function readRows(table: RowTable, fw: Framework, h: Header, ctx: Ctx, opts: DataOptions):
  { records: UnitRecord[]; invalid: Set<string>; map: ProvinceMap | null } {
  const { errors, at } = ctx;
  const { unitCol, yearCol, unitKind, isLong, width, leafColumns } = h;
  const decimal = opts.decimal ?? 'dot';
  const leafOf = new Map(fw.leafIds.map((id, j) => [id, j]));
  const fixedYear = opts.year ?? opts.fileYear;
  // The map: as asked, or 34 when the rows are dated 2025 or later (the first row decides
  // for a year column; a later row from before 2025 is then an error, as rows are read once).
  let { map, fromFirstRow } = mapOf(unitKind, opts, yearCol, fixedYear);
  const resolveUnit = unitResolver(unitKind, ctx, opts, () => map);
  const readYear = yearReader(yearCol, fixedYear, ctx);
  const G = h.groupCols.length;
  const D = h.denominatorCols.length;
  const records = new Records(fw.leafIds.length, G, D);
  const readAux = auxReader(h, ctx, decimal);
  const invalid = new Set<string>();
  const readValue = valueReader(fw, ctx, decimal, invalid);

  /** A long row: one leaf's value (the indicator column names it) for its unit-year. */
  const readLong = (row: Row, u: Resolved, year: number | null) => {
    const id = row.text(h.indicatorCol).trim();
    const j = leafOf.get(id);
    if (j === undefined) {
      unknownColumn(fw, ctx, id, row.cell(h.indicatorCol), 'indicator');
      return;
    }
    const { record } = records.for(u, year, row.line(0));
    if (G + D > 0) readAux(record, row);
    if (record.has(j)) {
      errors.push(error('DUPLICATE_ROW.value', { id, unit: u.unit, year }, at(row.cell(h.indicatorCol)), msg('hint.firstLine', { line: record.lines[j]! })));
      return;
    }
    readValue(record, j, row, h.valueCol);
  };
  /** A wide row: every leaf's value for its unit-year, which no other row may give. */
  const readWide = (row: Row, u: Resolved, year: number | null) => {
    const { record, fresh } = records.for(u, year, row.line(0));
    if (!fresh) {
      errors.push(error('DUPLICATE_ROW', { unit: u.unit, year }, at(row.cell(unitCol)), msg('hint.firstRow', { line: record.line, matched: u.code !== null, kind: unitKind })));
      return;
    }
    for (let q = 0; q < leafColumns.length; q++) readValue(record, leafColumns[q]!.leaf, row, leafColumns[q]!.col);
    if (G + D > 0) readAux(record, row);
  };
  const readRow = (row: Row) => {
    if (fromFirstRow) {
      fromFirstRow = false;
      map = Number(yearCol < row.length ? row.text(yearCol).trim() : undefined) >= 2025 ? '34' : '63';
    }
    if (map === '34' && opts.map !== '34' && yearCol >= 0 && yearCol < row.length && Number(row.text(yearCol).trim()) < 2025) {
      errors.push(error('MIXED_MAPS.year', { year: row.text(yearCol).trim() }, at(row.cell(yearCol)), msg('hint.separateMaps')));
      return;
    }
    if (row.length !== width) {
      errors.push(error('CSV_SYNTAX.fields', { n: row.length, width }, at(row.cell(Math.max(0, Math.min(row.length, width) - 1))), msg('hint.delimiter')));
      return;
    }
    const u = resolveUnit(row.cell(unitCol));
    const year = readYear(row);
    if (year !== undefined && year !== null) {
      const seen = yearsSeen.get(year);
      if (seen === undefined) yearsSeen.set(year, { n: 1, at: at(row.cell(yearCol)), unit: row.text(unitCol).trim() }); else seen.n++;
    }
    if (u === undefined || year === undefined) return;
    if (isLong) readLong(row, u, year);
    else readWide(row, u, year);
  };

  /** Each year of the year column: its rows, and the first one's cell and unit. */
  const yearsSeen = new Map<number, { n: number; at: ReturnType<Ctx['at']>; unit: string }>();
  for (const row of table.rows) readRow(asRow(row));
  yearWarnings(yearsSeen, opts, ctx, table);
  return { records: records.list, invalid, map };
}
