/**
 * Validating and compiling a `dti/v1` definitions file. Pure: the shell parses the YAML and
 * passes the plain value with a `locate` function that turns a path in it into a position.
 *
 * Two stages, as changesets' validateConfig: the zod schema first, then the semantic rules
 * (unique ids, weights, parameters that fit the method, pillar members). The rules only run
 * once the shape is right, because they need it.
 */
import * as z from 'zod';
import { type Diagnostic, type DiagnosticCode, type Result, didYouMean, error } from './diagnostics.js';
import { render } from './messages.js';
import { DefinitionsSchema, type RawNode } from './schema.js';
import { NORMALISE, NORMALISE_IDS, NORMALISE_KEYS, normaliseMethodOf } from './methods/normalise/index.js';
import { magnitudeProblem } from './values.js';

export type MissingPolicy = 'zero' | 'exclude' | 'error';
/** An aggregation method's id (../methods/aggregate.ts). */
export type Aggregate = string;
export type Direction = 'higher' | 'lower';
export type Transform = 'none' | 'log' | 'log10' | 'sqrt';
/** A leaf's `normalize:` mapping: `method` names an entry of the registry (./methods/normalise), the rest are its parameters. */
export type Normalize = { method: string } & Record<string, unknown>;

export type ImputeMethod = 'none' | 'mean' | 'median' | 'group-mean' | 'group-median' | 'previous' | 'linear';

/** Winsorisation with every default filled in (stages/treat.ts). */
export interface Treat {
  method: 'winsorise';
  skew: number;
  kurtosis: number;
  maxPoints: number;
  fallback: 'log' | 'none';
}

/** The defaults of `treat: { method: winsorise }` (COINr's and the JRC COIN Tool's). */
export const TREAT_DEFAULTS: Treat = { method: 'winsorise', skew: 2, kurtosis: 3.5, maxPoints: 5, fallback: 'log' };

export interface Name {
  vi: string;
  en: string;
}

/** One node of the indicator tree with every default filled in. */
export interface IndicatorNode {
  id: string;
  name: Name;
  description: string | null;
  source: string[];
  weight: number;
  /** The effective policy (own, else inherited from the parent, else the file's). */
  missing: MissingPolicy;
  kind: 'group' | 'leaf';
  /** Groups only: the effective aggregation. */
  aggregate: Aggregate;
  children: IndicatorNode[];
  /** Leaves only. */
  /** The unit of a leaf's values, in both languages (a plain text is both). */
  unit: Name | null;
  /** Leaves only: the header an office's spreadsheet uses for this indicator (`column:`), read as the id. */
  column: string | null;
  direction: Direction;
  transform: Transform;
  normalize: Normalize;
  /** Leaves: the `columns.denominators` column the value is divided by, then multiplied by `per`. */
  denominator: string | null;
  per: number;
  /** Leaves: the effective imputation (own, else the file's). */
  impute: ImputeMethod;
  /** Leaves: the effective outlier treatment (null: none). */
  treat: Treat | null;
  /** Groups under a geometric mean: a child below this counts as this (0: no floor). */
  floor: number;
  /** The years the node is part of the index (either bound null: open), or null: every year. */
  years: YearRange | null;
}

/** A range of years; `from` or `to` null leaves that side open. */
export interface YearRange {
  from: number | null;
  to: number | null;
}

function toYears(y: string | number | undefined): YearRange | null | 'empty' {
  if (y === undefined) return null;
  if (typeof y === 'number') return y < 0 ? { from: null, to: -y } : { from: y, to: y }; // YAML reads -2017 as a number
  const m = /^\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*$/.exec(y)!;
  const a = m[1] === undefined ? null : Number(m[1]);
  const b = m[3] === undefined ? null : Number(m[3]);
  if (m[2] === undefined) return { from: a, to: a };
  return a === null && b === null ? 'empty' : { from: a, to: b };
}

export interface Pillar {
  id: string;
  name: Name;
  description: string | null;
  members: string[];
}

export interface Definitions {
  id: string;
  name: Name;
  description: string | null;
  source: string[];
  scale: number;
  decimals: number;
  ties: 'rounded' | 'exact';
  missing: MissingPolicy;
  aggregate: Aggregate;
  /** The root's geometric floor and the default of every geometric group. */
  floor: number;
  /** Data columns that are not indicators. */
  columns: { groups: string[]; denominators: string[] };
  /** `screen.min_coverage`: units with less observed coverage are listed unranked (null: no screening). */
  minCoverage: number | null;
  impute: ImputeMethod;
  /** The group of `group-mean`/`group-median`: a `columns.groups` column or `region`. */
  imputeGroup: string | null;
  treat: Treat | null;
  indicators: IndicatorNode[];
  pillars: Pillar[];
}

/** Where a path inside the parsed document is; `key` asks for the key rather than the value. */
export type Locator = (path: readonly PropertyKey[], key?: boolean) => { line: number; col: number } | undefined;

export interface ValidateOptions {
  file?: string;
  locate?: Locator;
}

const LEAF_KEYS = ['unit', 'column', 'direction', 'transform', 'normalize', 'denominator', 'per', 'impute', 'treat'] as const;

/** Column names the data reader gives a meaning of its own. */
const RESERVED_COLUMNS = ['province', 'unit', 'year', 'indicator', 'value'];

type RawTreat = 'none' | { method: 'winsorise'; skew?: number | undefined; kurtosis?: number | undefined; max_points?: number | undefined; fallback?: 'log' | 'none' | undefined };

/** A `treat:` value with its unset keys taken from `base` (the file's treatment, else the defaults). */
function toTreat(t: RawTreat | undefined, base: Treat | null): Treat | null {
  if (t === undefined) return base;
  if (t === 'none') return null;
  const b = base ?? TREAT_DEFAULTS;
  return { method: 'winsorise', skew: t.skew ?? b.skew, kurtosis: t.kurtosis ?? b.kurtosis, maxPoints: t.max_points ?? b.maxPoints, fallback: t.fallback ?? b.fallback };
}

function toName(n: string | { vi: string; en?: string | undefined }): Name {
  return typeof n === 'string' ? { vi: n, en: n } : { vi: n.vi, en: n.en ?? n.vi };
}

function toSources(s: string | string[] | undefined): string[] {
  return s === undefined ? [] : typeof s === 'string' ? [s] : s;
}

/** Validate a parsed definitions document and fill in its defaults. */
export function validateDefinitions(raw: unknown, opts: ValidateOptions = {}): Result<Definitions> {
  const at = (path: readonly PropertyKey[], key = false) => {
    // Nothing to point at (an empty document): the start of the file.
    const pos = opts.locate === undefined ? undefined : opts.locate(path, key) ?? { line: 1, col: 1 };
    return { ...(opts.file === undefined ? {} : { file: opts.file }), ...(pos ?? {}) };
  };
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const fail = (code: DiagnosticCode, path: readonly PropertyKey[], message: string, hint?: string, key = false) =>
    errors.push(error(code, message, at(path, key), hint));

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    fail('NOT_DEFINITIONS', [], 'this is not a dti/v1 definitions file (expected a YAML mapping)',
      "definitions start with 'schema: dti/v1'; was a data file given to -i/--indicators?");
    return { ok: false, errors, warnings };
  }
  if (!('schema' in raw) && !('indicators' in raw)) {
    fail('NOT_DEFINITIONS', [], "this is not a dti/v1 definitions file: it has neither 'schema' nor 'indicators'",
      "definitions start with 'schema: dti/v1'; was a data file given to -i/--indicators?");
    return { ok: false, errors, warnings };
  }

  const parsed = DefinitionsSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) schemaIssue(issue, fail);
    return { ok: false, errors, warnings };
  }
  // Every number of the file (weights, scale, targets, goalposts, steps…) within the magnitudes
  // dti computes with, so that no score overflows, underflows or turns null.
  const checkNumbers = (v: unknown, path: PropertyKey[]): void => {
    if (typeof v === 'number') {
      const why = magnitudeProblem(v);
      if (why !== undefined) fail('BAD_PARAMETER', path, `${path.map(String).join('.')}: ${render(why, 'en')}`, 'use numbers between 1e-100 and 1e100 in size (or 0); rescale weights, they only count relative to each other');
    } else if (Array.isArray(v)) v.forEach((x, i) => checkNumbers(x, [...path, i]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) checkNumbers(x, [...path, k]);
  };
  checkNumbers(raw, []);
  const d = parsed.data;
  const fileMissing = d.missing ?? 'zero';
  const fileAggregate = d.aggregate ?? 'mean';
  const fileFloor = d.floor ?? 0;
  const columns = { groups: d.columns?.groups ?? [], denominators: d.columns?.denominators ?? [] };
  const fileImpute = d.impute ?? 'none';
  const fileTreat = toTreat(d.treat, null);
  checkColumns(columns, d.impute_group ?? null, fileImpute, fail);
  if (d.floor !== undefined && fileAggregate !== 'geometric') {
    fail('BAD_PARAMETER', ['floor'], `'floor' is for a geometric mean, but the file's aggregate is ${fileAggregate}`, "remove 'floor', or set aggregate: geometric", true);
  }

  const seen = new Map<string, readonly PropertyKey[]>();
  const claim = (id: string, path: readonly PropertyKey[]) => {
    const first = seen.get(id);
    if (first !== undefined) {
      const pos = at(first);
      fail('DUPLICATE_ID', [...path, 'id'], `duplicate id '${id}'`,
        `ids are unique across the file; the first '${id}' is at line ${pos.line ?? '?'}`);
    } else seen.set(id, path);
  };

  const build = (rn: RawNode, path: PropertyKey[], inherited: MissingPolicy, underGeometric: boolean): IndicatorNode => {
    claim(rn.id, path);
    const weight = rn.weight ?? 1;
    if (weight < 0) fail('BAD_PARAMETER', [...path, 'weight'], `weight of '${rn.id}' is negative (${weight})`, 'a weight is a number ≥ 0; for an indicator where less is better use direction: lower');
    const missing = rn.missing ?? inherited;
    const name = toName(rn.name);
    let years = toYears(rn.years);
    if (years === 'empty' || (years !== null && years.from !== null && years.to !== null && years.from > years.to)) {
      fail('BAD_PARAMETER', [...path, 'years'], `years of '${rn.id}' is an empty range (${String(rn.years)})`,
        'write the first year, then the last: 2011-2017; or 2018- (from 2018 on), -2017 (until 2017)');
      years = null;
    }
    const base = {
      id: rn.id, name, description: rn.description ?? null, source: toSources(rn.source), weight, missing, years,
    };
    if (rn.children !== undefined) {
      for (const k of LEAF_KEYS) {
        if (rn[k] !== undefined) {
          fail('BAD_PARAMETER', [...path, k], `'${k}' is for leaves, but '${rn.id}' is a group (it has children)`,
            `move '${k}' to the leaves under '${rn.id}' or remove it`, true);
        }
      }
      const aggregate = rn.aggregate ?? fileAggregate;
      if (rn.floor !== undefined && aggregate !== 'geometric') {
        fail('BAD_PARAMETER', [...path, 'floor'], `'floor' is for a geometric mean, but '${rn.id}' aggregates by ${aggregate}`,
          "remove 'floor', or set aggregate: geometric on this group", true);
      }
      // A child of weight 0 is shown but not counted: nothing above constrains its values.
      const children = rn.children.map((c, i) =>
        build(c, [...path, 'children', i], missing, (underGeometric || aggregate === 'geometric') && (c.weight ?? 1) !== 0));
      checkWeights(children, [...path, 'children'], rn.id);
      return {
        ...base, kind: 'group', aggregate, children, unit: null, column: null, direction: 'higher', transform: 'none', normalize: { method: 'none' },
        denominator: null, per: 1, impute: 'none', treat: null, floor: aggregate === 'geometric' ? rn.floor ?? fileFloor : 0,
      };
    }
    for (const k of ['aggregate', 'floor'] as const) {
      if (rn[k] !== undefined) {
        fail('BAD_PARAMETER', [...path, k], `'${k}' is for groups, but '${rn.id}' is a leaf (it has no children)`,
          `remove '${k}' or give the node 'children'`, true);
      }
    }
    const normalize = (rn.normalize ?? { method: 'none' }) as Normalize;
    const direction = rn.direction ?? 'higher';
    const transform = rn.transform ?? 'none';
    checkLeaf(rn.id, normalize, direction, transform, underGeometric, path, fail);
    const impute = rn.impute ?? fileImpute;
    const treat = toTreat(rn.treat, fileTreat);
    checkLeafStages(rn, { impute, treat, normalize, transform, columns, imputeGroup: d.impute_group ?? null }, path, fail);
    return {
      ...base, kind: 'leaf', aggregate: fileAggregate, children: [], unit: rn.unit === undefined ? null : toName(rn.unit), column: rn.column ?? null, direction, transform, normalize,
      denominator: rn.denominator ?? null, per: rn.per ?? 1, impute, treat, floor: 0,
    };
  };

  const checkWeights = (children: IndicatorNode[], path: PropertyKey[], parent: string) => {
    if (children.length > 0 && children.every((c) => c.weight === 0)) {
      fail('ZERO_WEIGHTS', path, `every weight under '${parent}' is zero`, 'give at least one of them a weight > 0');
    }
  };

  const indicators = d.indicators.map((n, i) => build(n, ['indicators', i], fileMissing, fileAggregate === 'geometric' && (n.weight ?? 1) !== 0));
  checkWeights(indicators, ['indicators'], 'the root');

  const nodeIds = new Set(seen.keys());
  (['groups', 'denominators'] as const).forEach((kind) => columns[kind].forEach((c, i) => {
    if (nodeIds.has(c)) fail('BAD_PARAMETER', ['columns', kind, i], `column '${c}' is also the id of a node`, 'a data column is either an indicator or an auxiliary column; rename one');
  }));
  const pillars: Pillar[] = (d.pillars ?? []).map((p, i) => {
    claim(p.id, ['pillars', i]);
    const members: string[] = [];
    const listed = new Set<string>();
    p.members.forEach((m, j) => {
      if (!nodeIds.has(m)) {
        fail('UNKNOWN_MEMBER', ['pillars', i, 'members', j], `pillar '${p.id}' names '${m}', which is no node of the tree`,
          didYouMean(m, nodeIds) ?? 'a member is the id of a group or leaf under indicators');
      } else if (listed.has(m)) {
        fail('BAD_PARAMETER', ['pillars', i, 'members', j], `pillar '${p.id}' names '${m}' twice`, 'list each member once');
      } else { members.push(m); listed.add(m); }
    });
    return { id: p.id, name: toName(p.name), description: p.description ?? null, members };
  });

  if (errors.length > 0) return { ok: false, errors, warnings };

  const all = new Map<string, IndicatorNode>();
  const walk = (n: IndicatorNode) => { all.set(n.id, n); n.children.forEach(walk); };
  indicators.forEach(walk);
  pillars.forEach((p, i) => {
    if (p.members.every((m) => all.get(m)!.weight === 0)) {
      fail('ZERO_WEIGHTS', ['pillars', i, 'members'], `every member of pillar '${p.id}' has weight zero`,
        'a pillar aggregates its members with their own weights; give one a weight > 0');
    }
  });
  if (errors.length > 0) return { ok: false, errors, warnings };

  return {
    ok: true,
    warnings,
    value: {
      id: d.id,
      name: toName(d.name),
      description: d.description ?? null,
      source: toSources(d.source),
      scale: d.score?.scale ?? 1,
      decimals: d.score?.decimals ?? 4,
      ties: d.score?.ties ?? 'rounded',
      missing: fileMissing,
      aggregate: fileAggregate,
      floor: fileAggregate === 'geometric' ? fileFloor : 0,
      columns,
      minCoverage: d.screen?.min_coverage ?? null,
      impute: fileImpute,
      imputeGroup: d.impute_group ?? null,
      treat: fileTreat,
      indicators,
      pillars,
    },
  };
}

type Fail = (code: DiagnosticCode, path: readonly PropertyKey[], message: string, hint?: string, key?: boolean) => void;

/** `columns`: distinct names, none reserved; `impute_group` names one of them or `region`. */
function checkColumns(columns: { groups: string[]; denominators: string[] }, imputeGroup: string | null, fileImpute: ImputeMethod, fail: Fail): void {
  const seen = new Set<string>();
  (['groups', 'denominators'] as const).forEach((kind) => columns[kind].forEach((c, i) => {
    if (RESERVED_COLUMNS.includes(c.toLowerCase())) {
      fail('BAD_PARAMETER', ['columns', kind, i], `'${c}' is a column the data reader already knows`, `remove it from columns.${kind}`);
    } else if (seen.has(c)) fail('BAD_PARAMETER', ['columns', kind, i], `column '${c}' is listed twice under columns`, 'list each column once');
    seen.add(c);
  }));
  if (imputeGroup !== null && imputeGroup !== 'region' && !columns.groups.includes(imputeGroup)) {
    fail('BAD_PARAMETER', ['impute_group'], `impute_group '${imputeGroup}' is neither a columns.groups column nor 'region'`,
      didYouMean(imputeGroup, [...columns.groups, 'region']) ?? 'list the column under columns: { groups: [...] }, or use region for provinces');
  }
  if ((fileImpute === 'group-mean' || fileImpute === 'group-median') && imputeGroup === null) {
    fail('BAD_PARAMETER', ['impute'], `impute: ${fileImpute} needs impute_group`, 'add impute_group: <a columns.groups column> or impute_group: region');
  }
}

interface LeafStages {
  impute: ImputeMethod;
  treat: Treat | null;
  normalize: Normalize;
  transform: Transform;
  columns: { groups: string[]; denominators: string[] };
  imputeGroup: string | null;
}

/** A leaf's denominator, imputation and treatment against the file's columns and its normalisation. */
function checkLeafStages(rn: RawNode, st: LeafStages, path: PropertyKey[], fail: Fail): void {
  if (rn.denominator !== undefined && !st.columns.denominators.includes(rn.denominator)) {
    fail('BAD_PARAMETER', [...path, 'denominator'], `'${rn.id}': denominator '${rn.denominator}' is not a columns.denominators column`,
      didYouMean(rn.denominator, st.columns.denominators) ?? `list it: columns: { denominators: [${rn.denominator}] }`);
  }
  if (rn.per !== undefined && rn.denominator === undefined) {
    fail('BAD_PARAMETER', [...path, 'per'], `'${rn.id}': 'per' goes with 'denominator'`, "add denominator: <column>, or remove 'per'", true);
  }
  if (rn.impute !== undefined && (rn.impute === 'group-mean' || rn.impute === 'group-median') && st.imputeGroup === null) {
    fail('BAD_PARAMETER', [...path, 'impute'], `'${rn.id}': impute: ${rn.impute} needs impute_group`, 'add impute_group: <a columns.groups column> (or region) at the top of the file');
  }
  if (st.treat !== null && st.treat.fallback === 'log') {
    const where = rn.treat !== undefined ? [...path, 'treat'] : [...path, 'id'];
    const m = normaliseMethodOf(st.normalize.method);
    if (!m.usesPool) {
      fail('BAD_PARAMETER', where, `'${rn.id}': the log fallback of winsorisation changes the scale, which normalize: ${m.id} does not follow`,
        `use a method that takes its statistics from the units (${orList(NORMALISE.filter((x) => x.usesPool).map((x) => x.id))}), or treat: { method: winsorise, fallback: none } on this leaf, or treat: none`);
    } else if (st.transform !== 'none') {
      fail('BAD_PARAMETER', where, `'${rn.id}': the log fallback of winsorisation and transform: ${st.transform} would transform twice`,
        "remove 'transform', or set treat: { method: winsorise, fallback: none } on this leaf");
    }
  }
}

function checkLeaf(id: string, n: Normalize, direction: Direction, transform: Transform, underGeometric: boolean,
  path: PropertyKey[], fail: Fail): void {
  const m = normaliseMethodOf(n.method);
  if (!m.directional && direction === 'lower') {
    fail('BAD_PARAMETER', [...path, 'direction'], `'${id}': direction lower needs a method that can invert it; '${n.method}' takes the value as it is`,
      `use ${orList(NORMALISE.filter((x) => x.directional).map((x) => x.id))} for a lower-is-better indicator`);
  }
  m.check(n, { id, transform, direction, underGeometric }, (tail, message, hint) => fail('BAD_PARAMETER', [...path, ...tail], message, hint));
}

const orList = (xs: readonly string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** Turn one zod issue into a located diagnostic. */
function schemaIssue(issue: z.core.$ZodIssue, fail: Fail): void {
  const path = issue.path;
  const dotted = path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    for (const k of issue.keys) {
      // `name: { vi: Công khai, minh bạch }`: a comma inside a flow mapping starts a new key.
      const commaTrap = path[path.length - 1] === 'name' && /\s/.test(k);
      fail('UNKNOWN_KEY', [...path, k], `${dotted === '(top level)' ? '' : dotted + ': '}unknown key '${k}'`,
        commaTrap
          ? `a comma inside { … } separates keys: quote the name, e.g. vi: "…, ${k}"`
          : didYouMean(k, knownKeys(path)) ?? `remove '${k}'; see the dti/v1 format for the keys each place takes`, true);
    }
    return;
  }
  let message = issue.message;
  let hint: string;
  const last = path[path.length - 1];
  const given = (issue as { input?: unknown }).input;
  // A union's issue at 'method' carries the whole normalize mapping: name the method in it.
  const input = last === 'method' && given !== null && typeof given === 'object' && 'method' in given ? (given as { method: unknown }).method : given;
  if (issue.code === 'invalid_union' && last === 'normalize') {
    message = 'unknown normalisation method';
    hint = `method is one of ${NORMALISE_IDS.join(', ')}`;
  } else if (last === 'method' && (issue.code === 'invalid_union' || issue.code === 'invalid_value')) {
    message = `unknown normalisation method '${String(input)}'`;
    hint = didYouMean(String(input), NORMALISE_IDS) ?? `method is one of ${NORMALISE_IDS.join(', ')}`;
  } else if (last === 'name') {
    hint = 'a name is a string or { vi: "…", en: "…" }';
  } else if (issue.code === 'invalid_type' && input === undefined) {
    message = `missing required key '${String(last)}'`;
    hint = `add '${String(last)}:' here`;
  } else if (issue.code === 'invalid_type') {
    hint = `write ${issue.expected === 'number' ? 'a number (no quotes, no unit)' : issue.expected === 'array' ? 'a list (- item, or [a, b])' : issue.expected === 'object' ? 'a mapping (key: value)' : `a ${issue.expected}`}`;
  } else if (issue.code === 'invalid_format' && last === 'id') {
    // Ids keep the user's case (COINr's LPI, ConSpeed) and dots (1.2.10); only what no id may hold goes.
    const slug = typeof input === 'string' ? input.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') : '';
    hint = slug === '' ? "use letters A–Z or a–z, digits, '-', '_' or '.'" : `e.g. id: ${slug}`;
  } else if (last === 'schema') {
    hint = "this tool reads 'schema: dti/v1'";
  } else {
    hint = 'see the dti/v1 format (README, File formats)';
  }
  fail('SCHEMA', path, `${dotted}: ${message}`, hint);
}

function knownKeys(path: readonly PropertyKey[]): string[] {
  const last = path[path.length - 1];
  if (path.length === 0) return ['schema', 'id', 'name', 'description', 'source', 'score', 'missing', 'aggregate', 'floor', 'columns', 'screen', 'impute', 'impute_group', 'treat', 'indicators', 'pillars'];
  if (last === 'columns') return ['groups', 'denominators'];
  if (last === 'screen') return ['min_coverage'];
  if (last === 'treat') return ['method', 'skew', 'kurtosis', 'max_points', 'fallback'];
  if (last === 'score') return ['scale', 'decimals', 'ties'];
  if (last === 'normalize') return [...NORMALISE_KEYS];
  if (path[0] === 'pillars') return ['id', 'name', 'description', 'members'];
  return ['id', 'name', 'description', 'source', 'weight', 'aggregate', 'floor', 'missing', 'children', 'unit', 'column', 'direction', 'transform', 'normalize', 'denominator', 'per', 'impute', 'treat', 'years'];
}

// isBounded lives with the registry (zod-free, so scoring and rendering never load the validator).
export { isBounded } from './methods/normalise/index.js';
