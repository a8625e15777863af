/**
 * Loading a data file's rows: tokenised, the office layout undone, checked against the
 * framework. Apart from definitions.ts (which needs the YAML parser), so that reading data never loads it.
 */
import { rowsOf } from './csv.js';
import type { Cell, DataOptions, Dataset } from '../core/model.js';
import { readDataset } from './dataset.js';
import type { Row } from './rows.js';
import type { Diagnostic, Result } from '../core/diagnostics.js';
import type { Framework } from '../core/framework.js';
import { type Detected, officeTable } from './office.js';

export interface LoadDataOptions extends DataOptions {
  delimiter?: string;
  file?: string;
  /** `--skip-lines N`: the header is the first row after line N (default: found after any title rows). */
  skipLines?: number;
  /** Told what was found out about the file's layout (header row, renamed columns, decimal mark). */
  onDetect?: (d: Detected) => void;
}

/** Tokenise a CSV text and check it against the framework. */
export function loadData(text: string, fw: Framework, opts: LoadDataOptions = {}): Result<Dataset> {
  const errors: Diagnostic[] = [];
  // Rows stream from the tokenizer into the dataset: a large file is never held as cells.
  const rows = rowsOf(text, {
    ...(opts.delimiter === undefined ? {} : { delimiter: opts.delimiter }),
    ...(opts.file === undefined ? {} : { file: opts.file }),
  }, errors);
  return loadRows(rows, fw, opts, errors);
}

/**
 * Rows of cells (from a CSV or a workbook's sheet) to a dataset: the office layout is
 * undone first (title rows, STT, Vietnamese headers, totals rows), then the table is checked.
 */
export function loadRows(rows: Iterable<Row | readonly Cell[]>, fw: Framework, opts: LoadDataOptions & { ragged?: boolean; columnLabel?: (c: number) => string } = {}, errors: Diagnostic[] = []): Result<Dataset> {
  const warnings: Diagnostic[] = [];
  const { table, detected } = officeTable(rows, fw, {
    ...(opts.file === undefined ? {} : { file: opts.file }),
    ...(opts.skipLines === undefined ? {} : { skipLines: opts.skipLines }),
    ...(opts.decimal === undefined ? {} : { decimal: opts.decimal }),
    ...(opts.ragged === undefined ? {} : { ragged: opts.ragged }),
    ...(opts.columnLabel === undefined ? {} : { columnLabel: opts.columnLabel }),
  }, errors, warnings);
  const decimal = opts.decimal ?? detected.decimal;
  const ds = readDataset(table, fw, { ...opts, ...(decimal === undefined ? {} : { decimal }) });
  opts.onDetect?.(detected);
  const allWarnings = [...warnings, ...ds.warnings];
  if (errors.length === 0) return ds.ok ? { ...ds, warnings: allWarnings } : { ...ds, warnings: allWarnings };
  // The rest of the file was still checked as far as it could be read; "no data" is only a
  // consequence of the syntax error, so it is not reported again.
  const rest = ds.ok ? [] : ds.errors.filter((e) => e.code !== 'NO_DATA' && e.code !== 'EMPTY_FILE');
  return { ok: false, errors: [...errors, ...rest], warnings: allWarnings };
}
