/**
 * Rendering `dti audit`: the tables of an audit (core/audit) in every format. Tables and
 * Markdown: a section per table; CSV/TSV: one long table, a row per figure
 * (table, group, a, b, measure, value); JSON: `dti-audit/v1`; a workbook: a sheet per table.
 * Names are the definitions' own, in the language asked; numbers as COINr shows them
 * (3 significant figures) in tables, unrounded in CSV, JSON and workbooks.
 */
import type { ChalkInstance } from 'chalk';
import { type Audit, type AuditFlag, type AuditResult, signifR } from '../core/audit/index.js';
import type { Lang } from '../core/score.js';
import type { OutSheet, OutValue } from './workbook.js';
import { sheetName } from './workbook.js';
import { localNumber } from '../core/text.js';
import { msg, render } from '../core/messages.js';
import { type Column, type Format, renderDelimited, renderMarkdown, renderTable, wrap } from './format.js';
import { maxOf, minOf } from '../core/arrays.js';

/** The CSV's columns: one row per figure. */
const CSV_HEAD = ['table', 'group', 'a', 'b', 'measure', 'value'];

const T = {
  vi: {
    title: (name: string, year: number | null) => `Kiểm định thống kê: ${name}${year === null ? '' : `, năm ${year}`}`,
    stageMethod: (stage: string, method: string, n: number, screened: number) =>
      `Thống kê trên dữ liệu ${stage}; tương quan ${method}; ${n} đơn vị${screened > 0 ? ` (${screened} bị loại khi sàng lọc)` : ''}.`,
    stages: { raw: 'gốc', denominated: 'đã chia mẫu số', imputed: 'đã điền khuyết', treated: 'đã xử lý ngoại lai', normalised: 'đã chuẩn hoá', aggregated: 'đã tổng hợp' },
    methods: { pearson: 'Pearson', spearman: 'Spearman', kendall: 'Kendall' },
    statsLegend: 'Cảnh báo: thiếu = ít dữ liệu, 0 = nhiều giá trị 0, trùng = ít giá trị khác nhau, lệch = lệch và nhọn (có thể có ngoại lai).',
    sheets: ['Thống kê', 'Dữ liệu có', 'Tương quan với cha', 'Tương quan trong nhóm', 'Nhóm', 'Hệ số tải', 'Trọng số', 'Mẫu số', 'Cân bằng', 'Cảnh báo'],
    stats: 'Thống kê từng chỉ số', availability: 'Dữ liệu có theo đơn vị', withParent: 'Tương quan với nút cha',
    withinGroups: 'Tương quan trong nhóm', groups: 'Nhóm: độ tin cậy và thành phần chính', weights: 'Trọng số, tầm quan trọng và độ nhạy khi bỏ',
    denominators: 'Tương quan với mẫu số', flags: 'Cảnh báo', balance: (l: number) => `Trọng số cân bằng (cấp ${l})`,
    loadings: 'Hệ số tải thành phần chính thứ nhất',
    id: 'Mã', name: 'Tên', min: 'Nhỏ nhất', max: 'Lớn nhất', mean: 'TB', median: 'Trung vị', sd: 'ĐLC', skew: 'Độ lệch', kurt: 'Độ nhọn',
    n: 'Có', nonZero: 'Khác 0', unique: 'Khác nhau', same: 'Trùng', flagsCol: 'Cảnh báo',
    unit: 'Đơn vị', available: 'Có dữ liệu', share: 'Tỷ lệ', nonZeroShare: 'Tỷ lệ khác 0',
    parent: 'Nút cha', group: 'Nhóm', a: 'A', b: 'B', r: 'r', pairs: 'Số cặp', rMin: 'r nhỏ nhất', rMean: 'r TB', rMax: 'r lớn nhất',
    level: 'Cấp', alpha: 'Alpha Cronbach', pca: 'TPC1 (%)', effWeight: 'Trọng số thực', r2: 'r² với chỉ số', shift: 'Dịch hạng TB khi bỏ',
    denominator: 'Mẫu số', code: 'Mã cảnh báo', what: 'Nội dung', nominal: 'Danh nghĩa', balanced: 'Cân bằng', rNow: 'r hiện tại', rBal: 'r sau cân bằng',
    loading: 'Hệ số tải', allAvailable: 'Mọi đơn vị có đủ dữ liệu mọi chỉ số.', noFlags: 'Không có cảnh báo.', noDenominators: 'Không chỉ số nào tương quan mạnh với mẫu số.',
    notConverged: 'Tìm kiếm chưa hội tụ: kết quả là điểm tốt nhất đã tìm thấy.',
    ownFlags: (k: number) => `${k} cảnh báo của từng chỉ số: xem cột Cảnh báo của bảng thống kê.`,
    flag: {
      COLLINEAR: (f: AuditFlag) => `${f.a} và ${f.b} (nhóm ${f.group}) gần trùng nhau: r = ${sig(f.r)}`,
      NEGATIVE_CORRELATION: (f: AuditFlag) => `${f.a} và ${f.b} (nhóm ${f.group}) tương quan âm: r = ${sig(f.r)}`,
      LOW_AVAILABILITY: (f: AuditFlag) => `${f.a}: ít dữ liệu (dưới ngưỡng có dữ liệu)`,
      MANY_ZEROS: (f: AuditFlag) => `${f.a}: nhiều giá trị 0`,
      FEW_UNIQUE: (f: AuditFlag) => `${f.a}: ít giá trị khác nhau`,
      SKEW_KURTOSIS: (f: AuditFlag) => `${f.a}: lệch và nhọn (có thể có ngoại lai)`,
      DENOMINATOR_CORRELATION: (f: AuditFlag) => `${f.a} tương quan với mẫu số ${f.b}: r = ${sig(f.r)}`,
    },
  },
  en: {
    title: (name: string, year: number | null) => `Statistical audit: ${name}${year === null ? '' : `, ${year}`}`,
    stageMethod: (stage: string, method: string, n: number, screened: number) =>
      `Statistics on the ${stage} data; ${method} correlations; ${n} units${screened > 0 ? ` (${screened} screened out)` : ''}.`,
    stages: { raw: 'raw', denominated: 'denominated', imputed: 'imputed', treated: 'treated', normalised: 'normalised', aggregated: 'aggregated' },
    methods: { pearson: 'Pearson', spearman: 'Spearman', kendall: 'Kendall' },
    statsLegend: 'Flags: avail = few values, 0 = many zeros, uniq = few distinct values, skew = skewed and heavy-tailed (possible outliers).',
    sheets: ['Statistics', 'Availability', 'With parent', 'Within groups', 'Groups', 'Loadings', 'Weights', 'Denominators', 'Balance', 'Flags'],
    stats: 'Statistics of each indicator', availability: 'Data availability by unit', withParent: 'Correlation with the parent',
    withinGroups: 'Correlations within groups', groups: 'Groups: reliability and principal component', weights: 'Weights, importance and removal',
    denominators: 'Correlation with denominators', flags: 'Flags', balance: (l: number) => `Balanced weights (level ${l})`,
    loadings: 'Loadings of the first principal component',
    id: 'Id', name: 'Name', min: 'Min', max: 'Max', mean: 'Mean', median: 'Median', sd: 'SD', skew: 'Skew', kurt: 'Kurt',
    n: 'N', nonZero: 'Non-zero', unique: 'Unique', same: 'Same', flagsCol: 'Flags',
    unit: 'Unit', available: 'Available', share: 'Share', nonZeroShare: 'Non-zero share',
    parent: 'Parent', group: 'Group', a: 'A', b: 'B', r: 'r', pairs: 'Pairs', rMin: 'Min r', rMean: 'Mean r', rMax: 'Max r',
    level: 'Level', alpha: "Cronbach's alpha", pca: 'PC1 (%)', effWeight: 'Eff. weight', r2: 'r² with index', shift: 'Mean rank shift',
    denominator: 'Denominator', code: 'Flag', what: 'What', nominal: 'Nominal', balanced: 'Balanced', rNow: 'r now', rBal: 'r balanced',
    loading: 'Loading', allAvailable: 'Every unit has a value for every indicator.', noFlags: 'No flags.', noDenominators: 'No indicator correlates strongly with a denominator.',
    notConverged: 'The search did not converge: these are the best weights found.',
    ownFlags: (k: number) => `${k} flags of single indicators: see the Flags column of the statistics.`,
    flag: {
      COLLINEAR: (f: AuditFlag) => `${f.a} and ${f.b} (group ${f.group}) nearly duplicate: r = ${sig(f.r)}`,
      NEGATIVE_CORRELATION: (f: AuditFlag) => `${f.a} and ${f.b} (group ${f.group}) correlate negatively: r = ${sig(f.r)}`,
      LOW_AVAILABILITY: (f: AuditFlag) => `${f.a}: few values (below the availability threshold)`,
      MANY_ZEROS: (f: AuditFlag) => `${f.a}: many zeros`,
      FEW_UNIQUE: (f: AuditFlag) => `${f.a}: few distinct values`,
      SKEW_KURTOSIS: (f: AuditFlag) => `${f.a}: skewed and heavy-tailed (possible outliers)`,
      DENOMINATOR_CORRELATION: (f: AuditFlag) => `${f.a} correlates with the denominator ${f.b}: r = ${sig(f.r)}`,
    },
  },
} as const;

/** 3 significant figures as COINr's get_stats rounds its table (R's signif); '' for none. */
export function sig(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return String(Number(signifR(x, digits).toPrecision(digits)));
}

/** A number as the language writes it (0,808 and 1.144 under vi). */
const num = (s: string, lang: Lang) => localNumber(s, lang);

export interface AuditRenderOptions {
  format: Format;
  lang: Lang;
  chalk: ChalkInstance;
  ascii: boolean;
  width?: number | undefined;
  /** An indicator's or group's name in the reader's language (tables and workbooks; CSV and JSON keep ids). */
  names?: (id: string) => string;
}

/**
 * A column says what it holds: text, or numbers, whose unrounded `values` a workbook writes
 * (the cells are only how a table shows them: never parsed back). How a table aligns a column
 * says nothing of its kind (the flags are text, right-aligned).
 */
type AColumn = Column & ({ kind: 'text' } | { kind: 'number'; values: (number | null)[] });

interface Section {
  title: string;
  /** The workbook sheet's name (≤ 31 characters). */
  sheet: string;
  cols: AColumn[];
  /** A line instead of an empty table. */
  empty?: string;
  /** Lines after the table. */
  after?: string[];
}

function sections(a: Audit, lang: Lang, full: boolean, names?: (id: string) => string): Section[] {
  const t = T[lang];
  const nm = (ids: string[]) => (names === undefined ? ids : ids.map(names));
  // The column of indicators: their names when the caller gives them, else their ids.
  const idHead = names === undefined ? t.id : t.name;
  const r = a.result;
  const col = (header: string, cells: string[], align: 'left' | 'right' = 'left', text = false): AColumn => ({ kind: 'text', header, align, cells, ...(text ? { text: true } : {}) });
  // A numeric column: shown to 3 significant figures (`d`), kept unrounded for a workbook.
  const ncol = (header: string, xs: (number | null | undefined)[], d = 3): AColumn => ({
    kind: 'number', header, align: 'right', cells: xs.map((x) => num(sig(x, d), lang)), values: xs.map((x) => (x === undefined || x === null || !Number.isFinite(x) ? null : x)),
  });
  // A column of counts, shown as they are.
  const icol = (header: string, xs: number[]): AColumn => ({ kind: 'number', header, align: 'right', cells: xs.map(String), values: xs });
  const out: Section[] = [];
  out.push({
    sheet: t.sheets[0]!, title: t.stats,
    cols: [
      col(idHead, nm(r.stats.map((s) => s.id)), 'left', true),
      ncol(t.min, r.stats.map((s) => s.min)), ncol(t.max, r.stats.map((s) => s.max)), ncol(t.mean, r.stats.map((s) => s.mean)),
      ncol(t.median, r.stats.map((s) => s.median)), ncol(t.sd, r.stats.map((s) => s.sd)), ncol(t.skew, r.stats.map((s) => s.skew)),
      ncol(t.kurt, r.stats.map((s) => s.kurtosis)), icol(t.n, r.stats.map((s) => s.n)),
      ...(full ? [icol(t.nonZero, r.stats.map((s) => s.nonZero)), icol(t.unique, r.stats.map((s) => s.unique)), icol(t.same, r.stats.map((s) => s.same))] : []),
      // Right-aligned: a terminal table shortens left-aligned columns first, and flags must read whole.
      col(t.flagsCol, r.stats.map((s) => s.flags.map((x) => FLAG_SHORT[lang][x]).join(' ')), 'right'),
    ],
    ...(r.stats.some((s) => s.flags.length > 0) ? { after: [t.statsLegend] } : {}),
  });
  const av = full ? a.availability : a.availability.filter((u) => u.availability < 1);
  out.push({
    sheet: t.sheets[1]!, title: t.availability,
    cols: [
      col(t.unit, av.map((u) => u.unit), 'left', true), icol(t.available, av.map((u) => u.available)),
      ncol(t.share, av.map((u) => u.availability)), ncol(t.nonZeroShare, av.map((u) => u.nonZero)),
    ],
    ...(av.length === 0 ? { empty: t.allAvailable } : {}),
  });
  const wp = r.correlations.withParent;
  out.push({
    sheet: t.sheets[2]!, title: `${t.withParent} (${t.methods[r.correlations.method]})`,
    cols: [col(idHead, nm(wp.map((x) => x.id)), 'left', true), col(t.parent, nm(wp.map((x) => x.parent)), 'left', true), ncol(t.r, wp.map((x) => x.r))],
  });
  const wg = r.correlations.withinGroups;
  if (full) {
    out.push({
      sheet: t.sheets[3]!, title: `${t.withinGroups} (${t.methods[r.correlations.method]})`,
      cols: [col(t.group, nm(wg.map((x) => x.group)), 'left', true), col(t.a, nm(wg.map((x) => x.a)), 'left', true), col(t.b, nm(wg.map((x) => x.b)), 'left', true), ncol(t.r, wg.map((x) => x.r))],
    });
  } else {
    // In a terminal, a line per group: the spread of its pairs (the pairs themselves: -f csv, md, xlsx, json).
    const byGroup = new Map<string, number[]>();
    for (const x of wg) if (x.r !== null) { const g = byGroup.get(x.group) ?? []; g.push(x.r); byGroup.set(x.group, g); }
    const gs = [...byGroup.keys()];
    const stat = (g: string, k: 'min' | 'mean' | 'max') => {
      const rs = byGroup.get(g)!;
      return k === 'min' ? minOf(rs) : k === 'max' ? maxOf(rs) : rs.reduce((s, x) => s + x, 0) / rs.length;
    };
    out.push({
      sheet: t.sheets[3]!, title: `${t.withinGroups} (${t.methods[r.correlations.method]})`,
      cols: [col(t.group, nm(gs), 'left', true), icol(t.pairs, gs.map((g) => byGroup.get(g)!.length)),
        ncol(t.rMin, gs.map((g) => stat(g, 'min'))), ncol(t.rMean, gs.map((g) => stat(g, 'mean'))), ncol(t.rMax, gs.map((g) => stat(g, 'max')))],
    });
  }
  out.push({
    sheet: t.sheets[4]!, title: t.groups,
    cols: [col(t.group, nm(r.groups.map((g) => g.id)), 'left', true), icol(t.level, r.groups.map((g) => g.level)),
      ncol(t.alpha, r.groups.map((g) => g.cronbachAlpha)), ncol(t.pca, r.groups.map((g) => g.pcaFirstShare === null ? null : g.pcaFirstShare * 100))],
  });
  if (full) {
    const ld = r.groups.flatMap((g) => (g.pcaLoadings ?? []).map((l) => ({ group: g.id, ...l })));
    out.push({ sheet: t.sheets[5]!, title: t.loadings, cols: [col(t.group, nm(ld.map((x) => x.group)), 'left', true), col(idHead, nm(ld.map((x) => x.id)), 'left', true), ncol(t.loading, ld.map((x) => x.loading))] });
  }
  const rm = new Map(r.removal.map((x) => [x.id, x.meanAbsRankShift]));
  out.push({
    sheet: t.sheets[6]!, title: t.weights,
    cols: [col(idHead, nm(r.importance.map((x) => x.id)), 'left', true), ncol(t.effWeight, r.importance.map((x) => x.weight)),
      ncol(t.r2, r.importance.map((x) => x.r2)), ncol(t.shift, r.importance.map((x) => rm.get(x.id)))],
  });
  // On the 34 after the merger there are no raw indicators to correlate with denominators (the note says so).
  if (r.merge2025 !== true) out.push({
    sheet: t.sheets[7]!, title: t.denominators,
    cols: [col(idHead, nm(r.denominators.map((x) => x.id)), 'left', true), col(t.denominator, r.denominators.map((x) => x.denominator), 'left', true), ncol(t.r, r.denominators.map((x) => x.r), 2)],
    ...(r.denominators.length === 0 ? { empty: t.noDenominators } : {}),
  });
  if (r.balance !== undefined) {
    const b = r.balance;
    out.push({
      sheet: t.sheets[8]!, title: t.balance(b.level),
      cols: [col(idHead, nm(b.weights.map((x) => x.id)), 'left', true), ncol(t.nominal, b.weights.map((x) => x.nominal)), ncol(t.balanced, b.weights.map((x) => x.balanced)),
        ncol(t.rNow, b.weights.map((x) => x.r)), ncol(t.rBal, b.weights.map((x) => x.rBalanced))],
      ...(b.converged ? {} : { after: [t.notConverged] }),
    });
  }
  // 'r=-0,5' keeps together when a line wraps.
  const flagText = (x: AuditFlag) => t.flag[x.code](x).replace(/r = (-?[\d.]+)/, (_m, a: string) => `r=${localNumber(a, lang)}`);
  if (full) {
    out.push({
      sheet: t.sheets[9]!, title: t.flags,
      cols: [col(t.code, r.flags.map((x) => x.code), 'left'), col(t.what, r.flags.map(flagText), 'left', true)],
      ...(r.flags.length === 0 ? { empty: t.noFlags } : {}),
    });
  } else {
    // In a terminal: the flags of pairs and denominators as sentences (an indicator's own flags are in the statistics' last column).
    const own = r.flags.filter((x) => x.b === null).length;
    const lines = [...r.flags.filter((x) => x.b !== null).map((x) => `- ${flagText(x)}`), ...(own > 0 ? [t.ownFlags(own)] : [])];
    out.push({ sheet: t.sheets[9]!, title: t.flags, cols: [], ...(lines.length === 0 ? { empty: t.noFlags } : { after: lines }) });
  }
  return out;
}

const FLAG_SHORT = {
  vi: { LOW_AVAILABILITY: 'thiếu', MANY_ZEROS: '0', FEW_UNIQUE: 'trùng', SKEW_KURTOSIS: 'lệch' },
  en: { LOW_AVAILABILITY: 'avail', MANY_ZEROS: '0', FEW_UNIQUE: 'uniq', SKEW_KURTOSIS: 'skew' },
} as const;

/** The audit as JSON (dti-audit/v1), numbers unrounded. */
export function auditJson(r: AuditResult): string {
  return `${JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/** One long table: a row per figure. */
function longRows(a: Audit): string[][] {
  const r = a.result;
  const s = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '' : String(x));
  const rows: string[][] = [];
  for (const x of r.stats) {
    for (const k of ['min', 'max', 'mean', 'median', 'sd', 'skew', 'kurtosis', 'n', 'nonZero', 'unique', 'same'] as const) rows.push(['stats', '', x.id, '', k, s(x[k])]);
    for (const fl of x.flags) rows.push(['stats', '', x.id, '', 'flag', fl]);
  }
  for (const u of a.availability) rows.push(['availability', '', u.unit, '', 'availability', s(u.availability)], ['availability', '', u.unit, '', 'nonZero', s(u.nonZero)]);
  for (const x of r.correlations.withParent) rows.push(['withParent', x.parent, x.id, x.parent, r.correlations.method, s(x.r)]);
  for (const x of r.correlations.withinGroups) rows.push(['withinGroups', x.group, x.a, x.b, r.correlations.method, s(x.r)]);
  for (const x of r.denominators) rows.push(['denominators', '', x.id, x.denominator, r.correlations.method, s(x.r)]);
  for (const g of r.groups) {
    rows.push(['groups', g.id, g.id, '', 'level', String(g.level)], ['groups', g.id, g.id, '', 'cronbachAlpha', s(g.cronbachAlpha)], ['groups', g.id, g.id, '', 'pcaFirstShare', s(g.pcaFirstShare)]);
    for (const l of g.pcaLoadings ?? []) rows.push(['groups', g.id, l.id, '', 'pcaLoading', s(l.loading)]);
  }
  for (const x of r.effectiveWeights) rows.push(['effectiveWeights', '', x.id, '', 'weight', s(x.weight)]);
  for (const x of r.removal) rows.push(['removal', '', x.id, '', 'meanAbsRankShift', s(x.meanAbsRankShift)]);
  for (const x of r.importance) rows.push(['importance', '', x.id, '', 'r2', s(x.r2)]);
  for (const w of r.balance?.weights ?? []) rows.push(['balance', '', w.id, '', 'nominal', s(w.nominal)], ['balance', '', w.id, '', 'balanced', s(w.balanced)]);
  for (const x of r.flags) rows.push(['flags', x.group ?? '', x.a, x.b ?? '', x.code, s(x.r)]);
  return rows;
}

export function renderAudit(a: Audit, o: AuditRenderOptions, screened = 0): string {
  const t = T[o.lang];
  const r = a.result;
  if (o.format === 'json') return auditJson(r);
  if (o.format === 'csv' || o.format === 'tsv') {
    const rows = longRows(a);
    // The keys scripts read, in every language (docs/REFERENCE.md); --excel names them for people.
    const cols: Column[] = CSV_HEAD.map((h, k) => ({ header: h, align: 'left', cells: rows.map((x) => x[k]!), text: true }));
    return renderDelimited(cols, o.format === 'csv' ? ',' : '\t');
  }
  const md = o.format === 'md';
  const W = o.width ?? 80;
  const head = [t.title(r.framework.name, r.year), t.stageMethod(t.stages[r.stage], t.methods[r.correlations.method], a.availability.length + 0, screened)];
  // The 34 after the 2025 merger: which levels the audit covers, and where the others are.
  if (r.merge2025 === true) head[1] = `${head[1]} ${render(msg('audit.merged'), o.lang)}`;
  const parts: string[] = md ? [`# ${head[0]}\n\n${head[1]}\n`] : [`${o.chalk.bold(wrap(head[0]!, W, ' '))}\n${wrap(head[1]!, W, ' ')}\n`];
  for (const s of sections(a, o.lang, md, o.names)) {
    const body = s.empty !== undefined && (s.cols[0]?.cells.length ?? 0) === 0 ? `${wrap(s.empty, md ? undefined : W, ' ')}\n`
      : s.cols.length === 0 ? '' : md ? renderMarkdown(s.cols) : renderTable(s.cols, o.chalk, o.ascii, { width: W, lang: o.lang });
    // A list item's continuation lines are indented under its text.
    const after = (s.after ?? []).map((l) => `${md ? l : wrap(l, W - 2, ' ').split('\n').map((x, k) => (k === 0 ? x : `  ${x}`)).join('\n')}\n`).join('');
    parts.push(md ? `## ${s.title}\n\n${body}${after === '' ? '' : `\n${after}`}` : `${o.chalk.bold(s.title)}\n${body}${after}`);
  }
  return parts.join('\n');
}

/** A sheet per table, numbers unrounded. */
export function auditWorkbook(a: Audit, lang: Lang, names?: (id: string) => string): OutSheet[] {
  const taken = new Set<string>();
  const sheets: OutSheet[] = [];
  for (const s of sections(a, lang, true, names)) {
    const n = s.cols[0]?.cells.length ?? 0;
    const rows: OutValue[][] = [];
    for (let i = 0; i < n; i++) rows.push(s.cols.map((c) => (c.kind === 'number' ? c.values[i]! : c.cells[i]!)));
    sheets.push({ name: sheetName(s.sheet, taken), columns: s.cols.map((c) => ({ header: c.header, kind: c.kind === 'number' ? 'general' : 'text' })), rows });
  }
  // The 34 after the 2025 merger: the note the tables print under the title, as a last sheet.
  if (a.result.merge2025 === true) {
    const note = render(msg('audit.noteSheet'), lang);
    sheets.push({ name: sheetName(note, taken), columns: [{ header: note, kind: 'text', width: 100 }], rows: [[render(msg('audit.merged'), lang)]] });
  }
  return sheets;
}

