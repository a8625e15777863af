/**
 * From a parsed CSV table (strings with positions) to a dataset of units × leaves, checked
 * against the definitions. Pure: the shell reads and tokenises the file; every problem
 * found here is a located diagnostic, all of them in one pass.
 */
import { type Diagnostic, type Result, didYouMean, error, warning } from './diagnostics.js';
import { domainErrors } from './engine.js';
import type { Framework } from './framework.js';
import { findProvince, province2025ByCode, region2025, successorOf } from './provinces.js';
import { type Decimal, parseBoolean, parseNumber } from './values.js';

export interface Cell {
  text: string;
  /** 1-based line where the cell starts. */
  line: number;
  /** 1-based column (characters) where the cell starts. */
  col: number;
}

export interface Table {
  file?: string;
  header: Cell[];
  /** Data rows, blank lines already skipped; read once, in order (a stream for large files). */
  rows: Iterable<Cell[]>;
}

export interface DataOptions {
  /** `--year`: the year of every row when the file has no year column. */
  year?: number;
  /** A four-digit year found in the file's name, the last resort. */
  fileYear?: number;
  decimal?: Decimal;
  /**
   * Which map of provinces the names refer to: the 63 before 1 July 2025 or the 34 after.
   * `auto` (default): 34 when every row's year is 2025 or later, else 63.
   */
  map?: ProvinceMap | 'auto';
}

export type ProvinceMap = '63' | '34';

export type UnitKind = 'province' | 'unit';

/** One unit in one year: the raw (untransformed) value of each leaf, NaN where missing. */
export interface UnitRecord {
  /** Display name: the registry's canonical name for provinces, the text for free units. */
  unit: string;
  /** GSO code for provinces, null for free units. */
  code: string | null;
  /** Identity across years: the code for provinces (prefixed '2025:' on the 34 map), the name for free units. */
  key: string;
  /** Socio-economic region (provinces only). */
  region: string | null;
  year: number | null;
  /** Line of the row (wide) or of the unit's first row (long). */
  line: number;
  values: Float64Array;
  /** Position of each leaf's cell (0 where there was none). */
  lines: Int32Array;
  cols: Int32Array;
}

export interface Dataset {
  file?: string;
  unitKind: UnitKind;
  layout: 'wide' | 'long';
  /** The map of provinces the file uses (null for free units). */
  map: ProvinceMap | null;
  records: UnitRecord[];
}

const UNIT_COLUMNS: Record<string, UnitKind> = { province: 'province', unit: 'unit' };

/** Columns whose name starts with these are notes for people, ignored by the tool. */
const IGNORED_PREFIX = /^[#_]/;

/** Check a table against the framework and build the dataset. */
export function readDataset(table: Table, fw: Framework, opts: DataOptions = {}): Result<Dataset> {
  const file = table.file;
  const at = (c: { line: number; col: number } | undefined) =>
    ({ ...(file === undefined ? {} : { file }), ...(c === undefined ? {} : { line: c.line, col: c.col }) });
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const decimal = opts.decimal ?? 'dot';

  if (table.header.length === 0) {
    errors.push(error('EMPTY_FILE', 'the data file is empty', at({ line: 1, col: 1 }), 'a data file starts with a header row, e.g. province,year,<indicator ids…>'));
    return { ok: false, errors, warnings };
  }

  // --- the header -------------------------------------------------------------------------
  const names = table.header.map((c) => c.text.trim());
  const lower = names.map((n) => n.toLowerCase());
  const firstAt = new Map<string, number>();
  lower.forEach((n, i) => {
    const prev = firstAt.get(n);
    if (prev !== undefined && n !== '') {
      errors.push(error('DUPLICATE_HEADER', `column '${names[i]}' appears twice`, at(table.header[i]),
        `the first is column ${prev + 1}; rename or remove one (a CSV reader would keep only the last)`));
    } else firstAt.set(n, i);
  });

  const unitCols = lower.flatMap((n, i) => (n in UNIT_COLUMNS ? [i] : []));
  if (unitCols.length === 0) {
    errors.push(error('MISSING_UNIT_COLUMN', "no 'province' or 'unit' column", at(table.header[0]),
      "name the column of provinces 'province' (checked against the registry) or of other units 'unit' (free text)"));
    return { ok: false, errors, warnings };
  }
  if (unitCols.length > 1) {
    errors.push(error('DUPLICATE_HEADER', "both 'province' and 'unit' columns", at(table.header[unitCols[1]!]), 'keep one of them'));
  }
  const unitCol = unitCols[0]!;
  const unitKind = UNIT_COLUMNS[lower[unitCol]!]!;
  const yearCol = lower.indexOf('year');
  const isLong = lower.includes('indicator') && lower.includes('value') && !names.some((n) => fw.index.has(n) && fw.nodes[fw.index.get(n)!]!.kind === 'leaf');
  const leafOf = new Map(fw.leafIds.map((id, j) => [id, j]));
  const L = fw.leafIds.length;

  const unknownColumn = (name: string, cell: Cell | undefined, what: string) => {
    const nodeIdx = fw.index.get(name);
    if (nodeIdx !== undefined) {
      errors.push(error('UNKNOWN_COLUMN', `'${name}' is a group of the index, not a leaf`, at(cell),
        'data give leaves only; a group is computed from its children'));
    } else {
      errors.push(error('UNKNOWN_COLUMN', `${what} '${name}' names no indicator of '${fw.definitions.id}'`, at(cell),
        didYouMean(name, fw.leafIds) ?? "remove it, rename it to a leaf id (see 'dti indicators'), or start its name with '#' to keep it as a note"));
    }
  };

  const leafColumns: { col: number; leaf: number }[] = [];
  let indicatorCol = -1;
  let valueCol = -1;
  if (isLong) {
    indicatorCol = lower.indexOf('indicator');
    valueCol = lower.indexOf('value');
  }
  names.forEach((n, i) => {
    if (i === unitCol || i === yearCol || i === indicatorCol || i === valueCol) return;
    if (IGNORED_PREFIX.test(n) || (n === '' && isLong)) return;
    if (isLong) {
      unknownColumn(n, table.header[i], 'column');
      return;
    }
    const j = leafOf.get(n);
    if (j === undefined) unknownColumn(n, table.header[i], 'column');
    else if (firstAt.get(n.toLowerCase()) === i) leafColumns.push({ col: i, leaf: j });
  });
  if (!isLong) {
    const present = new Set(leafColumns.map((c) => c.leaf));
    const absent = fw.leafIds.filter((_, j) => !present.has(j));
    if (absent.length > 0 && absent.length < L) {
      const listed = absent.length > 8 ? `${absent.slice(0, 8).join(', ')} and ${absent.length - 8} more` : absent.join(', ');
      warnings.push(warning('MISSING_VALUE', `no column for ${absent.length} of ${L} indicators: ${listed}`, at(table.header[0]),
        'their values count as missing in every row'));
    }
  }

  // --- rows ---------------------------------------------------------------------------------
  const fixedYear = opts.year ?? opts.fileYear;
  const records: UnitRecord[] = [];
  const byUnitYear = new Map<string, UnitRecord>();
  const width = names.length;

  // The map: as asked, or 34 when the rows are dated 2025 or later (the first row decides
  // for a year column; a later row from before 2025 is then an error, as rows are read once).
  let map: ProvinceMap | null = null;
  let mapFromFirstRow = false;
  if (unitKind === 'province') {
    if (opts.map === '63' || opts.map === '34') map = opts.map;
    else if (yearCol < 0) map = (fixedYear ?? 0) >= 2025 ? '34' : '63';
    else mapFromFirstRow = true;
  }

  type Resolved = { unit: string; code: string | null; key: string; region: string | null };
  const resolveUnit = (cell: Cell): Resolved | undefined => {
    const text = cell.text.trim();
    if (text === '') {
      errors.push(error('UNKNOWN_PROVINCE', `empty ${unitKind} name`, at(cell), `give every row a ${unitKind}`));
      return undefined;
    }
    if (unitKind === 'unit') return { unit: text.normalize('NFC'), code: null, key: text.normalize('NFC'), region: null };
    if (map === '34') {
      // A code names a province of the 34 directly; a name must be that of one of the 34.
      const direct = /^\d{1,2}$/.test(text) ? province2025ByCode(text.padStart(2, '0')) : undefined;
      const p63 = findProvince(text);
      const succ = direct ?? (p63.ok ? successorOf(p63.province.code) : undefined);
      // Kept its name (Bắc Ninh, whose code is now Bắc Giang's 24), or only renamed with the
      // same territory (Thừa Thiên Huế → Huế). Quảng Bình, whose code 44 Quảng Trị took, is neither.
      const same = p63.ok && succ !== undefined && (p63.province.name === succ.name
        || (succ.members.length === 1 && succ.members[0] === p63.province.code));
      if (succ !== undefined && (direct !== undefined || same)) {
        return { unit: succ.name, code: succ.code, key: `2025:${succ.code}`, region: region2025(succ) };
      }
      if (p63.ok && succ !== undefined) {
        errors.push(error('MIXED_MAPS', `${p63.province.name} is a province of the 63 before 1 July 2025; since then it is part of ${succ.name}`, at(cell),
          `this file is read on the 34-province map${opts.map === '34' ? '' : ' (every row is dated 2025 or later)'}; write ${succ.name}, or pass --map 63 for data on the 63 provinces`));
        return undefined;
      }
    }
    const found = findProvince(text);
    if (found.ok) return { unit: found.province.name, code: found.province.code, key: found.province.code, region: found.province.region };
    errors.push(error('UNKNOWN_PROVINCE', `unknown province '${text}'`, at(cell),
      found.suggestions.length > 0
        ? `did you mean ${found.suggestions.map((s) => `'${s}'`).join(' or ')}?`
        : "use a province's name, GSO code or ISO code (see 'dti provinces'), or call the column 'unit' for units that are not provinces"));
    return undefined;
  };

  const readYear = (row: Cell[]): number | null | undefined => {
    if (yearCol >= 0) {
      const cell = row[yearCol];
      const t = cell?.text.trim() ?? '';
      if (/^\d{4}$/.test(t)) return Number(t);
      errors.push(error('BAD_YEAR', t === '' ? 'empty year' : `'${t}' is not a year`, at(cell ?? row[0]), 'a year is four digits, e.g. 2023'));
      return undefined;
    }
    return fixedYear ?? null;
  };

  const recordFor = (u: Resolved, year: number | null, line: number) => {
    const k = `${u.key}\u0000${year ?? ''}`;
    let r = byUnitYear.get(k);
    if (r === undefined) {
      r = { ...u, year, line, values: new Float64Array(L).fill(NaN), lines: new Int32Array(L), cols: new Int32Array(L) };
      byUnitYear.set(k, r);
      records.push(r);
      return { record: r, fresh: true };
    }
    return { record: r, fresh: false };
  };

  const isBoolean = fw.leaves.map((ni) => fw.nodes[ni]!.def!.normalize.method === 'boolean');
  // Cells already reported as not a number, so `missing: error` does not report them again.
  const invalid = new Set<string>();
  const readValue = (r: UnitRecord, j: number, cell: Cell) => {
    const v = isBoolean[j] ? parseBoolean(cell.text) : parseNumber(cell.text, decimal);
    r.lines[j] = cell.line;
    r.cols[j] = cell.col;
    if (v.kind === 'number') r.values[j] = v.value;
    else if (v.kind === 'invalid') {
      invalid.add(`${cell.line}:${cell.col}`);
      errors.push(error('NOT_A_NUMBER', `${fw.leafIds[j]}: ${v.reason}`, at(cell), v.hint));
    }
  };

  for (const row of table.rows) {
    const first = row[0]!;
    if (mapFromFirstRow) {
      mapFromFirstRow = false;
      map = Number(row[yearCol]?.text.trim()) >= 2025 ? '34' : '63';
    }
    if (map === '34' && opts.map !== '34' && yearCol >= 0 && Number(row[yearCol]?.text.trim()) < 2025) {
      errors.push(error('MIXED_MAPS', `a row from ${row[yearCol]!.text.trim()} in a file read on the 34-province map (its first row is from 2025 or later)`,
        at(row[yearCol]), 'keep years before and after the 1 July 2025 merger in separate files, or pass --map 63 or --map 34'));
      continue;
    }
    if (row.length !== width) {
      errors.push(error('CSV_SYNTAX', `this row has ${row.length} field${row.length === 1 ? '' : 's'}, the header has ${width}`,
        at(row[Math.min(row.length, width) - 1] ?? first), 'check for a missing or extra delimiter, or a value with an unquoted comma'));
      continue;
    }
    const u = resolveUnit(row[unitCol]!);
    const year = readYear(row);
    if (u === undefined || year === undefined) continue;
    if (isLong) {
      const indCell = row[indicatorCol]!;
      const id = indCell.text.trim();
      const j = leafOf.get(id);
      if (j === undefined) {
        unknownColumn(id, indCell, 'indicator');
        continue;
      }
      const { record } = recordFor(u, year, first.line);
      if (record.lines[j] !== 0) {
        errors.push(error('DUPLICATE_ROW', `a second value of '${id}' for ${u.unit}${year === null ? '' : ` in ${year}`}`, at(indCell),
          `the first is on line ${record.lines[j]}; keep one`));
        continue;
      }
      readValue(record, j, row[valueCol]!);
    } else {
      const { record, fresh } = recordFor(u, year, first.line);
      if (!fresh) {
        errors.push(error('DUPLICATE_ROW', `${u.unit}${year === null ? '' : ` (${year})`} appears twice`, at(row[unitCol]),
          `the first is on line ${record.line}${u.code !== null ? ' (names are matched by province, whatever the spelling)' : ''}; keep one row per ${unitKind} and year`));
        continue;
      }
      for (const { col, leaf } of leafColumns) readValue(record, leaf, row[col]!);
    }
  }

  if (records.length === 0 && errors.length === 0) {
    errors.push(error('NO_DATA', 'the file has a header but no data rows', at(table.header[0]), `add one row per ${unitKind}`));
  }

  // --- the missing-value policy `error` -----------------------------------------------------
  for (const r of records) {
    for (let j = 0; j < L; j++) {
      if (!Number.isNaN(r.values[j]!)) continue;
      const leaf = fw.nodes[fw.leaves[j]!]!;
      if (leaf.missing === 'error' && !invalid.has(`${r.lines[j]}:${r.cols[j]}`)) {
        errors.push(error('MISSING_VALUE', `${r.unit}${r.year === null ? '' : ` (${r.year})`} has no value for '${leaf.id}'`,
          r.lines[j] !== 0 ? at({ line: r.lines[j]!, col: r.cols[j]! }) : at({ line: r.line, col: 1 }),
          `'${leaf.id}' is declared missing: error; give a value or change its policy to zero or exclude`));
      }
    }
  }

  errors.push(...domainErrors(fw, records, file));
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, value: { ...(file === undefined ? {} : { file }), unitKind, layout: isLong ? 'long' : 'wide', map, records }, warnings };
}

/** The distinct years of a dataset, ascending (null, for undated rows, first). */
export function yearsOf(ds: Dataset): (number | null)[] {
  const ys = [...new Set(ds.records.map((r) => r.year))];
  return ys.sort((a, b) => (a ?? -Infinity) - (b ?? -Infinity));
}
