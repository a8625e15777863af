/**
 * The data model: what a data file becomes once read (a table of cells with their positions,
 * then a dataset of units × leaves). Types only, plus yearsOf; this module imports nothing,
 * so the core, the readers (src/load/) and the shell all share it without a circle.
 */

/** How a text number writes its decimals: 1.5 ('dot') or 1,5 ('comma'). */
export type Decimal = 'dot' | 'comma';

export interface Cell {
  text: string;
  /** 1-based line where the cell starts. */
  line: number;
  /** 1-based column (characters) where the cell starts. */
  col: number;
  /** The number itself, when the source stored one (a workbook's numeric cell): no text rules apply. */
  value?: number;
  /** A workbook's formula with no saved value (never calculated): an error wherever it is read. */
  uncalculated?: boolean;
}

/**
 * A table of cells: a header and data rows (blank lines already skipped), read once, in order.
 * Plain cells: how a reader streams its rows is its own affair (src/load/rows.ts).
 */
export interface Table {
  file?: string;
  header: Cell[];
  rows: Iterable<readonly Cell[]>;
}

export interface DataOptions {
  /** `--year`: the year of every row when the file has no year column. */
  year?: number;
  /** A four-digit year found in the file's name, the last resort. */
  fileYear?: number;
  /** The file's name holds this one year (loi-2023.csv, not dti-2022-2024.csv): a row of another year is warned of. */
  nameYear?: number;
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
  /** The `columns.groups` values of the row, in that order (null where empty). */
  groups?: (string | null)[];
  /** The `columns.denominators` values of the row, in that order (NaN where missing). */
  denominators?: Float64Array;
  /** Line and column of each denominator's cell (2 entries each; 0 where there was none). */
  denominatorAt?: Int32Array;
}

export interface Dataset {
  file?: string;
  unitKind: UnitKind;
  layout: 'wide' | 'long';
  /** The map of provinces the file uses (null for free units). */
  map: ProvinceMap | null;
  records: UnitRecord[];
  /**
   * Read from plain JavaScript rows (the library's loaders): their keys in column order. A
   * position in this dataset (line L, column C) is then the value `file[L - 2][fields[C - 1]]`,
   * shown as the path `rows[3].year`: the keys are line 1, rows[i] line i + 2.
   */
  fields?: readonly string[];
}

/** The distinct years of a dataset, ascending (null, for undated rows, first). */
export function yearsOf(ds: Dataset): (number | null)[] {
  const ys = [...new Set(ds.records.map((r) => r.year))];
  return ys.sort((a, b) => (a ?? -Infinity) - (b ?? -Infinity));
}
