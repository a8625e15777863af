/**
 * Validating and compiling a `dti/v1` definitions file. Pure: the shell parses the YAML and
 * passes the plain value with a `locate` function that turns a path in it into a position.
 *
 * Two stages, as changesets' validateConfig: the zod schema first, then the semantic rules
 * (unique ids, weights, parameters that fit the method, pillar members). The rules only run
 * once the shape is right, because they need it.
 */
import * as z from 'zod';
import { type Diagnostic, type Result, error, meant } from './diagnostics.js';
import { type Bilingual, CATALOGUES, type PlainKey, type Text, msg } from './messages.js';
import { zodText } from './zod-text.js';
import { DefinitionsSchema, type RawDefinitions, type RawNode } from './schema.js';
import { DEFAULT_NORMALISE, NORMALISE, NORMALISE_IDS, NORMALISE_KEYS, normaliseMethodOf } from './methods/normalise/index.js';
import { type AggregateMethod, DEFAULT_AGGREGATE, aggregateMethodOf } from './methods/aggregate.js';
import { magnitudeProblem } from './values.js';

export type MissingPolicy = 'zero' | 'exclude' | 'error';
/** An aggregation method's id (../methods/aggregate.ts). */
export type Aggregate = string;
export type Direction = 'higher' | 'lower';
export type Transform = 'none' | 'log' | 'log10' | 'sqrt';
/** A leaf's `normalize:` mapping: `method` names an entry of the registry (./methods/normalise), the rest are its parameters. */
export type Normalise = { method: string } & Record<string, unknown>;

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

/** Citations in each language (a plain string or list in the file gives both the same). */
export interface Sources {
  vi: string[];
  en: string[];
}

/** One node of the indicator tree with every default filled in. */
export interface IndicatorNode {
  id: string;
  name: Name;
  description: Name | null;
  source: Sources;
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
  normalize: Normalise;
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
  description: Name | null;
  members: string[];
}

export interface Definitions {
  id: string;
  name: Name;
  description: Name | null;
  source: Sources;
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

type Citations = string | string[];

function toSources(s: Citations | { vi: Citations; en?: Citations | undefined } | undefined): Sources {
  const list = (c: Citations) => (typeof c === 'string' ? [c] : c);
  if (s === undefined) return { vi: [], en: [] };
  if (typeof s === 'string' || Array.isArray(s)) return { vi: list(s), en: list(s) };
  return { vi: list(s.vi), en: list(s.en ?? s.vi) };
}

function toDescription(d: string | { vi: string; en?: string | undefined } | undefined): Name | null {
  return d === undefined ? null : toName(d);
}

/**
 * Validate a parsed definitions document and fill in its defaults. In the order the problems
 * are reported: the document's shape (parseShape), its numbers' magnitudes, the file's own
 * keys (fileDefaults), the tree of indicators (buildNode), the pillars; then the pillars'
 * weights, once every node is known.
 */
export function validateDefinitions(raw: unknown, opts: ValidateOptions = {}): Result<Definitions> {
  const at = (path: readonly PropertyKey[], key = false) => {
    // Nothing to point at (an empty document): the start of the file.
    const pos = opts.locate === undefined ? undefined : opts.locate(path, key) ?? { line: 1, col: 1 };
    return { ...(opts.file === undefined ? {} : { file: opts.file }), ...(pos ?? {}) };
  };
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const fail: Fail = (path, d, key = false) => { errors.push({ ...d, ...at(path, key) }); };
  const d = parseShape(raw, fail);
  if (d === null) return { ok: false, errors, warnings };
  checkNumbers(raw, [], fail);
  const file = fileDefaults(d, fail);
  // Every id once, nodes and pillars alike.
  const seen = new Map<string, readonly PropertyKey[]>();
  const claim: Claim = (id, path) => {
    const first = seen.get(id);
    if (first !== undefined) {
      const pos = at(first);
      fail([...path, 'id'], error('DUPLICATE_ID', { id }, {}, msg('hint.uniqueIds', { id, line: pos.line ?? '?' })));
    } else seen.set(id, path);
  };
  const tree: Tree = { file, claim, fail };
  const indicators = d.indicators.map((n, i) => buildNode(n, ['indicators', i], file.missing, file.method.needsNonNegative && (n.weight ?? 1) !== 0, tree));
  checkWeights(indicators, ['indicators'], null, fail);
  const nodeIds = new Set(seen.keys());
  (['groups', 'denominators'] as const).forEach((kind) => file.columns[kind].forEach((c, i) => {
    if (nodeIds.has(c)) fail(['columns', kind, i], error('BAD_PARAMETER.columnIsNode', { column: c }, {}, msg('hint.columnOrIndicator')));
  }));
  const pillars = (d.pillars ?? []).map((p, i) => pillarOf(p, i, nodeIds, claim, fail));
  if (errors.length > 0) return { ok: false, errors, warnings };
  checkPillarWeights(indicators, pillars, fail);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return {
    ok: true,
    warnings,
    value: {
      id: d.id,
      name: toName(d.name),
      description: toDescription(d.description),
      source: toSources(d.source),
      scale: d.score?.scale ?? 1,
      decimals: d.score?.decimals ?? 4,
      ties: d.score?.ties ?? 'rounded',
      missing: file.missing,
      aggregate: file.aggregate,
      floor: file.method.takesFloor ? file.floor : 0,
      columns: file.columns,
      minCoverage: d.screen?.min_coverage ?? null,
      impute: file.impute,
      imputeGroup: file.imputeGroup,
      treat: file.treat,
      indicators,
      pillars,
    },
  };
}

/**
 * The document's shape: a mapping that looks like definitions, every negative weight (found on
 * the document as written, so in the same pass as the schema's problems), then the schema.
 * Null when any of it fails.
 */
function parseShape(raw: unknown, fail: Fail): RawDefinitions | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    fail([], error('NOT_DEFINITIONS', {}, {}, msg('hint.dataAsDefinitions')));
    return null;
  }
  if (!('schema' in raw) && !('indicators' in raw)) {
    fail([], error('NOT_DEFINITIONS.keys', {}, {}, msg('hint.dataAsDefinitions')));
    return null;
  }
  const negativeWeights = (nodes: unknown, path: PropertyKey[]): void => {
    if (!Array.isArray(nodes)) return;
    nodes.forEach((n: unknown, i) => {
      if (n === null || typeof n !== 'object') return;
      const { id, weight, children } = n as { id?: unknown; weight?: unknown; children?: unknown };
      if (typeof weight === 'number' && weight < 0) {
        fail([...path, i, 'weight'], error('BAD_PARAMETER.negativeWeight', { id: typeof id === 'string' ? id : `#${i + 1}`, weight }, {}, msg('hint.weightLower')));
      }
      negativeWeights(children, [...path, i, 'children']);
    });
  };
  negativeWeights((raw as { indicators?: unknown }).indicators, ['indicators']);
  const parsed = DefinitionsSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) schemaIssue(issue, fail);
    return null;
  }
  return parsed.data;
}

/**
 * Every number of the file (weights, scale, targets, goalposts, steps…) within the magnitudes
 * dti computes with, so that no score overflows, underflows or turns null.
 */
function checkNumbers(v: unknown, path: PropertyKey[], fail: Fail): void {
  if (typeof v === 'number') {
    const why = magnitudeProblem(v);
    if (why !== undefined) fail(path, error('BAD_PARAMETER.magnitude', { where: path.map(String).join('.'), why }, {}, msg('hint.magnitude')));
  } else if (Array.isArray(v)) v.forEach((x, i) => checkNumbers(x, [...path, i], fail));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) checkNumbers(x, [...path, k], fail);
}

/** What the file sets for every node (each node may override it), checked. */
interface FileDefaults {
  missing: MissingPolicy;
  aggregate: Aggregate;
  method: AggregateMethod;
  floor: number;
  columns: { groups: string[]; denominators: string[] };
  impute: ImputeMethod;
  imputeGroup: string | null;
  treat: Treat | null;
}

function fileDefaults(d: RawDefinitions, fail: Fail): FileDefaults {
  const aggregate = d.aggregate ?? DEFAULT_AGGREGATE;
  const file: FileDefaults = {
    missing: d.missing ?? 'zero', aggregate, method: aggregateMethodOf(aggregate), floor: d.floor ?? 0,
    columns: { groups: d.columns?.groups ?? [], denominators: d.columns?.denominators ?? [] },
    impute: d.impute ?? 'none', imputeGroup: d.impute_group ?? null, treat: toTreat(d.treat, null),
  };
  checkColumns(file.columns, file.imputeGroup, file.impute, fail);
  if (d.floor !== undefined && !file.method.takesFloor) {
    fail(['floor'], error('BAD_PARAMETER.fileFloor', { aggregate }, {}, msg('hint.removeFloor')), true);
  }
  return file;
}

/** Claim an id for the node or pillar at `path` (a second claim is a DUPLICATE_ID). */
type Claim = (id: string, path: readonly PropertyKey[]) => void;

/** What building the tree reads besides the node itself. */
interface Tree { file: FileDefaults; claim: Claim; fail: Fail }

/** One node with its defaults filled in (and its children, for a group), checked. */
function buildNode(rn: RawNode, path: PropertyKey[], inherited: MissingPolicy, underGeometric: boolean, tree: Tree): IndicatorNode {
  tree.claim(rn.id, path);
  let years = toYears(rn.years);
  if (years === 'empty' || (years !== null && years.from !== null && years.to !== null && years.from > years.to)) {
    tree.fail([...path, 'years'], error('BAD_PARAMETER.emptyYears', { id: rn.id, years: String(rn.years) }, {}, msg('hint.yearRange')));
    years = null;
  }
  const base: NodeBase = {
    id: rn.id, name: toName(rn.name), description: toDescription(rn.description), source: toSources(rn.source), weight: rn.weight ?? 1, missing: rn.missing ?? inherited, years,
  };
  return rn.children !== undefined ? groupNode(rn, rn.children, path, base, underGeometric, tree) : leafNode(rn, path, base, underGeometric, tree);
}

type NodeBase = Pick<IndicatorNode, 'id' | 'name' | 'description' | 'source' | 'weight' | 'missing' | 'years'>;

function groupNode(rn: RawNode, kids: RawNode[], path: PropertyKey[], base: NodeBase, underGeometric: boolean, tree: Tree): IndicatorNode {
  const { file, fail } = tree;
  for (const k of LEAF_KEYS) {
    if (rn[k] !== undefined) {
      fail([...path, k], error('BAD_PARAMETER.leafKey', { key: k, id: rn.id }, {}, msg('hint.moveToLeaves', { key: k, id: rn.id })), true);
    }
  }
  const aggregate = rn.aggregate ?? file.aggregate;
  const method = aggregateMethodOf(aggregate);
  if (rn.floor !== undefined && !method.takesFloor) {
    fail([...path, 'floor'], error('BAD_PARAMETER.groupFloor', { id: rn.id, aggregate }, {}, msg('hint.removeFloorGroup')), true);
  }
  // A child of weight 0 is shown but not counted: nothing above constrains its values.
  const children = kids.map((c, i) =>
    buildNode(c, [...path, 'children', i], base.missing, (underGeometric || method.needsNonNegative) && (c.weight ?? 1) !== 0, tree));
  checkWeights(children, [...path, 'children'], rn.id, fail);
  return {
    ...base, kind: 'group', aggregate, children, unit: null, column: null, direction: 'higher', transform: 'none', normalize: { ...DEFAULT_NORMALISE },
    denominator: null, per: 1, impute: 'none', treat: null, floor: method.takesFloor ? rn.floor ?? file.floor : 0,
  };
}

function leafNode(rn: RawNode, path: PropertyKey[], base: NodeBase, underGeometric: boolean, tree: Tree): IndicatorNode {
  const { file, fail } = tree;
  for (const k of ['aggregate', 'floor'] as const) {
    if (rn[k] !== undefined) {
      fail([...path, k], error('BAD_PARAMETER.groupKey', { key: k, id: rn.id }, {}, msg('hint.removeOrChildren', { key: k })), true);
    }
  }
  const normalize = (rn.normalize ?? { ...DEFAULT_NORMALISE }) as Normalise;
  const direction = rn.direction ?? 'higher';
  const transform = rn.transform ?? 'none';
  checkLeaf(rn.id, normalize, direction, transform, underGeometric, path, fail);
  const impute = rn.impute ?? file.impute;
  const treat = toTreat(rn.treat, file.treat);
  checkLeafStages(rn, { impute, treat, normalize, transform, columns: file.columns, imputeGroup: file.imputeGroup }, path, fail);
  return {
    ...base, kind: 'leaf', aggregate: file.aggregate, children: [], unit: rn.unit === undefined ? null : toName(rn.unit), column: rn.column ?? null, direction, transform, normalize,
    denominator: rn.denominator ?? null, per: rn.per ?? 1, impute, treat, floor: 0,
  };
}

/** Children that all weigh 0 (the root's: `parent` null) leave their parent nothing to combine. */
function checkWeights(children: IndicatorNode[], path: PropertyKey[], parent: string | null, fail: Fail): void {
  if (children.length > 0 && children.every((c) => c.weight === 0)) {
    fail(path, parent === null ? error('ZERO_WEIGHTS.root', {}, {}, msg('hint.oneWeight')) : error('ZERO_WEIGHTS', { parent }, {}, msg('hint.oneWeight')));
  }
}

/** Pillar i: its id claimed, its members nodes of the tree, each once. */
function pillarOf(p: NonNullable<RawDefinitions['pillars']>[number], i: number, nodeIds: ReadonlySet<string>, claim: Claim, fail: Fail): Pillar {
  claim(p.id, ['pillars', i]);
  const members: string[] = [];
  const listed = new Set<string>();
  p.members.forEach((m, j) => {
    if (!nodeIds.has(m)) {
      fail(['pillars', i, 'members', j], error('UNKNOWN_MEMBER', { pillar: p.id, member: m }, {}, meant(m, nodeIds) ?? msg('hint.member')));
    } else if (listed.has(m)) {
      fail(['pillars', i, 'members', j], error('BAD_PARAMETER.memberTwice', { pillar: p.id, member: m }, {}, msg('hint.memberOnce')));
    } else { members.push(m); listed.add(m); }
  });
  return { id: p.id, name: toName(p.name), description: toDescription(p.description), members };
}

/** A pillar whose members all weigh 0 has no score. */
function checkPillarWeights(indicators: IndicatorNode[], pillars: Pillar[], fail: Fail): void {
  const all = new Map<string, IndicatorNode>();
  const walk = (n: IndicatorNode) => { all.set(n.id, n); n.children.forEach(walk); };
  indicators.forEach(walk);
  pillars.forEach((p, i) => {
    if (p.members.every((m) => all.get(m)!.weight === 0)) {
      fail(['pillars', i, 'members'], error('ZERO_WEIGHTS.pillar', { pillar: p.id }, {}, msg('hint.pillarWeight')));
    }
  });
}

/** Report `d` at `path` (at the key itself when `key`). */
type Fail = (path: readonly PropertyKey[], d: Diagnostic, key?: boolean) => void;

/** `columns`: distinct names, none reserved; `impute_group` names one of them or `region`. */
function checkColumns(columns: { groups: string[]; denominators: string[] }, imputeGroup: string | null, fileImpute: ImputeMethod, fail: Fail): void {
  const seen = new Set<string>();
  (['groups', 'denominators'] as const).forEach((kind) => columns[kind].forEach((c, i) => {
    if (RESERVED_COLUMNS.includes(c.toLowerCase())) {
      fail(['columns', kind, i], error('BAD_PARAMETER.reservedColumn', { column: c }, {}, msg('hint.removeColumn', { kind })));
    } else if (seen.has(c)) fail(['columns', kind, i], error('BAD_PARAMETER.columnTwice', { column: c }, {}, msg('hint.columnOnce')));
    seen.add(c);
  }));
  if (imputeGroup !== null && imputeGroup !== 'region' && !columns.groups.includes(imputeGroup)) {
    fail(['impute_group'], error('BAD_PARAMETER.imputeGroup', { group: imputeGroup }, {}, meant(imputeGroup, [...columns.groups, 'region']) ?? msg('hint.groupColumnOrRegion')));
  }
  if ((fileImpute === 'group-mean' || fileImpute === 'group-median') && imputeGroup === null) {
    fail(['impute'], error('BAD_PARAMETER.imputeNeedsGroup', { impute: fileImpute }, {}, msg('hint.addImputeGroup')));
  }
}

interface LeafStages {
  impute: ImputeMethod;
  treat: Treat | null;
  normalize: Normalise;
  transform: Transform;
  columns: { groups: string[]; denominators: string[] };
  imputeGroup: string | null;
}

/** A leaf's denominator, imputation and treatment against the file's columns and its normalisation. */
function checkLeafStages(rn: RawNode, st: LeafStages, path: PropertyKey[], fail: Fail): void {
  if (rn.denominator !== undefined && !st.columns.denominators.includes(rn.denominator)) {
    fail([...path, 'denominator'], error('BAD_PARAMETER.denominator', { id: rn.id, denominator: rn.denominator }, {},
      meant(rn.denominator, st.columns.denominators) ?? msg('hint.listDenominator', { column: rn.denominator })));
  }
  if (rn.per !== undefined && rn.denominator === undefined) {
    fail([...path, 'per'], error('BAD_PARAMETER.per', { id: rn.id }, {}, msg('hint.addDenominatorKey')), true);
  }
  if (rn.impute !== undefined && (rn.impute === 'group-mean' || rn.impute === 'group-median') && st.imputeGroup === null) {
    fail([...path, 'impute'], error('BAD_PARAMETER.leafImpute', { id: rn.id, impute: rn.impute }, {}, msg('hint.addImputeGroupTop')));
  }
  if (st.treat !== null && st.treat.fallback === 'log') {
    const where = rn.treat !== undefined ? [...path, 'treat'] : [...path, 'id'];
    const m = normaliseMethodOf(st.normalize.method);
    if (!m.usesPool) {
      fail(where, error('BAD_PARAMETER.logFallback', { id: rn.id, method: m.id }, {}, msg('hint.poolMethod', { methods: NORMALISE.filter((x) => x.usesPool).map((x) => x.id) })));
    } else if (st.transform !== 'none') {
      fail(where, error('BAD_PARAMETER.twice', { id: rn.id, transform: st.transform }, {}, msg('hint.removeTransformOrFallback')));
    }
  }
}

function checkLeaf(id: string, n: Normalise, direction: Direction, transform: Transform, underGeometric: boolean,
  path: PropertyKey[], fail: Fail): void {
  const m = normaliseMethodOf(n.method);
  if (!m.directional && direction === 'lower') {
    fail([...path, 'direction'], error('BAD_PARAMETER.direction', { id, method: n.method }, {}, msg('hint.directional', { methods: NORMALISE.filter((x) => x.directional).map((x) => x.id) })));
  }
  m.check(n, { id, transform, direction, underGeometric }, (tail, d) => fail([...path, ...tail], d));
}

/** Turn one zod issue into a located diagnostic. */
function schemaIssue(issue: z.core.$ZodIssue, fail: Fail): void {
  const path = issue.path;
  const dotted = path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    for (const k of issue.keys) {
      // `name: { vi: Công khai, minh bạch }`: a comma inside a flow mapping starts a new key.
      const commaTrap = path[path.length - 1] === 'name' && /\s/.test(k);
      fail([...path, k], error('UNKNOWN_KEY', { at: dotted === '(top level)' ? '' : dotted, key: k }, {},
        commaTrap ? msg('hint.commaInName', { key: k }) : meant(k, knownKeys(path)) ?? msg('hint.removeKey', { key: k })), true);
    }
    return;
  }
  // A message of the schema's own is a key of the catalogue (schema.ts); zod's are zod's, in both languages.
  let message: Text | Bilingual = issue.message in CATALOGUES.en ? msg(issue.message as PlainKey) : zodText(issue);
  let hint: Text;
  const last = path[path.length - 1];
  const given = (issue as { input?: unknown }).input;
  // A union's issue at 'method' carries the whole normalize mapping: name the method in it.
  const input = last === 'method' && given !== null && typeof given === 'object' && 'method' in given ? (given as { method: unknown }).method : given;
  if (issue.code === 'invalid_union' && last === 'normalize') {
    message = msg('schema.unknownMethod');
    hint = msg('hint.methodOneOf', { methods: NORMALISE_IDS.join(', ') });
  } else if (last === 'method' && (issue.code === 'invalid_union' || issue.code === 'invalid_value')) {
    message = msg('schema.unknownMethodNamed', { method: String(input) });
    hint = meant(String(input), NORMALISE_IDS) ?? msg('hint.methodOneOf', { methods: NORMALISE_IDS.join(', ') });
  } else if (last === 'name') {
    hint = msg('hint.name');
  } else if (issue.code === 'invalid_type' && input === undefined) {
    message = msg('schema.missingKey', { key: String(last) });
    hint = msg('hint.addKey', { key: String(last) });
  } else if (issue.code === 'invalid_type') {
    hint = issue.expected === 'number' ? msg('hint.writeNumber') : issue.expected === 'array' ? msg('hint.writeList') : issue.expected === 'object' ? msg('hint.writeMapping') : msg('hint.writeType', { type: issue.expected });
  } else if (issue.code === 'invalid_format' && last === 'id') {
    // Ids keep the user's case (COINr's LPI, ConSpeed) and dots (1.2.10); only what no id may hold goes.
    const slug = typeof input === 'string' ? input.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') : '';
    hint = slug === '' ? msg('hint.idLetters') : msg('hint.idExample', { id: slug });
  } else if (last === 'schema') {
    hint = msg('hint.schemaV1');
  } else {
    hint = msg('hint.format');
  }
  fail(path, error('SCHEMA', { at: dotted, problem: message }, {}, hint));
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
