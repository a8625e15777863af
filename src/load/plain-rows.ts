/**
 * Plain JavaScript rows as data: `[{ province: 'Nghệ An', year: 2023, 'ha-tang-so': 0.61 }, …]`,
 * read by the same path as a file (the office layout undone, every check of a data file), each
 * problem located by the path of its value: `rows[3].year`. The keys are the columns (in the
 * order first met); a number is taken as it is (no decimal mark to guess), a string as a cell's text.
 */
import type { Cell, Dataset } from '../core/model.js';
import type { Result } from '../core/diagnostics.js';
import type { Framework } from '../core/framework.js';
import { locatePlain } from '../core/build.js';
import { type LoadDataOptions, loadRows } from './data.js';

/** A value of a plain row: a number, a text, a yes/no, or nothing (missing). */
export type PlainValue = string | number | boolean | null | undefined;
export type PlainRow = Readonly<Record<string, PlainValue>>;

/** Rows' keys (line 1) and values (rows[i] on line i + 2) as cells; column k + 1 is the k-th key. */
export function plainCells(rows: readonly PlainRow[]): { fields: string[]; cells: Cell[][] } {
  const index = new Map<string, number>();
  for (const r of rows) for (const k of Object.keys(r)) if (!index.has(k)) index.set(k, index.size);
  const fields = [...index.keys()];
  const cells: Cell[][] = [fields.map((k, c) => ({ text: k, line: 1, col: c + 1 }))];
  rows.forEach((r, i) => {
    cells.push(fields.map((k, c) => {
      const v = r[k];
      const at = { line: i + 2, col: c + 1 };
      if (typeof v === 'number') return Number.isNaN(v) ? { text: '', ...at } : { text: String(v), value: v, ...at };
      return { text: v === null || v === undefined ? '' : String(v), ...at };
    }));
  });
  return { fields, cells };
}

/**
 * Plain rows to a dataset, named `name` (default `rows`) in diagnostics. The keys are the
 * header: no title rows are looked for above them.
 */
export function loadPlainRows(rows: readonly PlainRow[], fw: Framework, opts: Omit<LoadDataOptions, 'delimiter' | 'skipLines' | 'file'> & { name?: string } = {}): Result<Dataset> {
  const name = opts.name ?? 'rows';
  const { name: _name, ...rest } = opts;
  const { fields, cells } = plainCells(rows);
  const r = loadRows(cells, fw, { ...rest, file: name, skipLines: 0, ragged: true });
  const at = [{ file: name, fields }];
  if (!r.ok) return { ok: false, errors: locatePlain(r.errors, at), warnings: locatePlain(r.warnings, at) };
  return { ok: true, value: { ...r.value, file: name, fields }, warnings: locatePlain(r.warnings, at) };
}
