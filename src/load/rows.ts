/** Rows as the readers hand them over, before they are checked into a dataset. */
import type { Cell, Decimal, Table } from '../core/model.js';
import { numberIn } from '../core/values.js';

/**
 * A row of a table, its cells made only when asked for: a CSV's row keeps where its fields
 * are in the text (csv.ts CsvRow), a workbook's row is its cells (`CellsRow`).
 */
export interface Row {
  readonly length: number;
  text(k: number): string;
  line(k: number): number;
  col(k: number): number;
  /** The number the source stored for cell k (a workbook's numeric cell), else undefined. */
  value(k: number): number | undefined;
  /** Whether cell k is a workbook's formula with no saved value (never, in a CSV). */
  uncalculated(k: number): boolean;
  /** Cell k as a number (values.ts numberIn; the stored number where there is one); NaN: missing or not a number. */
  number(k: number, decimal: Decimal): number;
  cell(k: number): Cell;
  cells(): Cell[];
}

/** A row of cells already made (a workbook's, a library caller's). */
export class CellsRow implements Row {
  constructor(private readonly c: readonly Cell[]) {}
  get length(): number { return this.c.length; }
  text(k: number): string { return this.c[k]!.text; }
  line(k: number): number { return this.c[k]!.line; }
  col(k: number): number { return this.c[k]!.col; }
  value(k: number): number | undefined { return this.c[k]!.value; }
  uncalculated(k: number): boolean { return this.c[k]!.uncalculated === true; }
  number(k: number, decimal: Decimal): number { const c = this.c[k]!; return c.value ?? numberIn(c.text, decimal); }
  cell(k: number): Cell { return this.c[k]!; }
  cells(): Cell[] { return [...this.c]; }
}

/** A row as a Row (a Cell[] is wrapped). */
export const asRow = (r: Row | readonly Cell[]): Row => (Array.isArray(r) ? new CellsRow(r) : r as Row);

/** A table whose rows may be read lazily (a stream of a large file's rows). */
export interface RowTable extends Omit<Table, 'rows'> {
  rows: Iterable<Row | readonly Cell[]>;
}
