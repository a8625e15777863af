/**
 * `dti audit <data…>`: the statistical audit of the index on the latest year of the data
 * (stats, correlations, flags, Cronbach's alpha, PCA, effective weights, removal, balance),
 * following COINr 1.1.14's analysis functions (src/core/audit).
 */
import { type Command, Option } from 'commander';
import { invalid } from '../cli/invalid.js';
import { AUDIT_STAGES, type AuditOptions, type AuditStage, type AuditThresholds, CORR_METHODS, type CorrMethod, DEFAULT_AUDIT_THRESHOLDS, audit, auditProblems } from '../core/audit/index.js';
import { asciiOnly, makeChalk, printDiagnostics, termWidth } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { msg, byLang } from '../core/messages.js';
import { EXIT, type Io } from '../cli/io.js';
import type { Format } from '../render/format.js';
import { auditWorkbook, renderAudit } from '../render/audit.js';
import { nodeName } from '../core/framework.js';
import { type ScoreFlags, loadRun } from '../cli/load-run.js';
import { chooseFormat, dataOptions, emit, mergeOptions, outputOptions, positiveInt } from '../cli/options.js';

type AuditFlags = Pick<ScoreFlags, 'indicators' | 'year' | 'decimal' | 'delimiter' | 'map' | 'color' | 'quiet' | 'output' | 'check' | 'lang' | 'bom' | 'encoding' | 'sheet' | 'skipLines' | 'verbose' | 'merge2025' | 'allowPartialMerge'> & {
  format?: Format; stage: AuditStage; method: CorrMethod; balance?: number; threshold?: string[];
};

const THRESHOLD_NAMES = Object.keys(DEFAULT_AUDIT_THRESHOLDS) as (keyof AuditThresholds)[];
/** What each threshold bounds, in the Vietnamese help. */
const THRESHOLD_VI: Record<keyof AuditThresholds, string> = {
  availability: 'tỷ lệ có dữ liệu', nonZero: 'tỷ lệ khác 0', unique: 'tỷ lệ giá trị khác nhau', skew: 'độ lệch', kurtosis: 'độ nhọn',
  collinear: 'gần trùng', negative: 'tương quan âm', denominator: 'tương quan với mẫu số',
};

function threshold(v: string, prev: string[] = []): string[] {
  const m = /^([A-Za-z]+)=(-?\d+(?:\.\d+)?)$/.exec(v.trim());
  if (m === null || !THRESHOLD_NAMES.includes(m[1] as keyof AuditThresholds)) {
    invalid(msg('reason.threshold', { names: THRESHOLD_NAMES.join(', ') }));
  }
  return [...prev, v.trim()];
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('audit')
    .description(h({ vi: 'kiểm định thống kê bộ chỉ số (như các hàm phân tích của COINr): thống kê từng chỉ số, tương quan, hệ số alpha Cronbach, phân tích thành phần chính, trọng số thực, mức thay đổi khi bỏ một thành phần, cân bằng trọng số', en: "the statistical audit of the index (as COINr's analysis): indicator statistics, correlations, Cronbach's alpha, PCA, effective weights, removal, balance" }))
    .argument('<data...>', h({ vi: "tệp số liệu CSV hoặc sổ tính; '-' là đọc từ đầu vào chuẩn. Kiểm định năm gần nhất", en: "CSV or workbook data file(s); '-' reads standard input. The latest year is audited" }));
  mergeOptions(cmd, io);
  outputOptions(dataOptions(cmd, io), io)
    .addOption(new Option('--stage <stage>', h({
      vi: 'bước dữ liệu mà thống kê từng chỉ số mô tả (với --merge-2025 luôn là aggregated: 34 tỉnh chỉ có các chỉ số chính và chỉ số chung)',
      en: 'the data the indicator statistics describe (with --merge-2025 always aggregated: the 34 provinces have only the main indices and the index)',
    })).choices(AUDIT_STAGES).default('raw'))
    .addOption(new Option('--method <method>', h({ vi: 'loại tương quan', en: 'correlation' })).choices(CORR_METHODS).default('pearson'))
    .option('--balance <level>', h({ vi: "tìm trọng số cho cấp này (1 = các chỉ số) để tương quan với chỉ số chung tương xứng với trọng số danh nghĩa (như get_opt_weights của COINr, kiểu 'balance')", en: "weights for this level (1 = the indicators) whose correlations with the index match the nominal weights (COINr get_opt_weights, 'balance')" }), positiveInt)
    .option('--threshold <name=value...>', h({
      vi: `đổi ngưỡng cảnh báo (${THRESHOLD_NAMES.map((k) => `${k}=${DEFAULT_AUDIT_THRESHOLDS[k]}: ${THRESHOLD_VI[k]}`).join(', ')})`,
      en: `change a flag's threshold (${THRESHOLD_NAMES.map((k) => `${k}=${DEFAULT_AUDIT_THRESHOLDS[k]}`).join(', ')})`,
    }), threshold)
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti audit data/2023.csv                     các chỉ số chính có cùng đo một điều?
  dti audit data/2023.csv -f json             JSON, lược đồ dti-audit/v1
  dti audit data/components/2023.csv -i indicators/dti-components.yaml -o audit.xlsx
  dti audit data/2023.csv --method spearman --threshold collinear=0.8
  dti audit data/2023.csv --balance 1         trọng số cân bằng tầm quan trọng
  dti audit data/2023.csv --merge-2025        34 tỉnh sau sáp nhập: các chỉ số chính`,
      en: `
Examples:
  dti audit data/2023.csv                     do the main indices measure one thing?
  dti audit data/2023.csv -f json             the dti-audit/v1 JSON
  dti audit data/components/2023.csv -i indicators/dti-components.yaml -o audit.xlsx
  dti audit data/2023.csv --method spearman --threshold collinear=0.8
  dti audit data/2023.csv --balance 1         weights that balance the importances
  dti audit data/2023.csv --merge-2025        the 34 provinces after the merger: main indices`,
    }))
    .action(async (files: string[], flags: AuditFlags) => {
      // The 34 provinces have no data at the indicators' stages: a --stage other than aggregated, asked for, is a mistake.
      if (flags.merge2025 === true && cmd.getOptionValueSource('stage') === 'cli' && flags.stage !== 'aggregated') {
        throw new CliError(EXIT.USAGE, msg('BAD_PARAMETER.auditStageMerged', { stage: flags.stage }), { hint: msg('hint.auditStageMerged') });
      }
      done(await runAudit(files, flags, io));
    });
}

async function runAudit(files: string[], flags: AuditFlags, io: Io): Promise<number> {
  const format = chooseFormat(flags.format, flags.output, io);
  // The run as every command builds it (missing: error, each year's stages once); the latest year is audited.
  const { run, fw: fw0, inputs, warnings } = await loadRun(files, flags, io, { previous: false });
  if (flags.quiet !== true && warnings.length > 0) printDiagnostics(io, warnings, makeChalk(io.stderr, io, flags.color));
  const thresholds: Partial<AuditThresholds> = {};
  for (const t of flags.threshold ?? []) { const [k, v] = t.split('='); thresholds[k as keyof AuditThresholds] = Number(v); }
  const [problem] = auditProblems({ fw: fw0, current: run.current }, flags.balance === undefined ? {} : { balance: flags.balance });
  if (problem !== undefined) throw new CliError(EXIT.USAGE, problem.text, problem.hintText === undefined ? {} : { hint: problem.hintText });
  const ys = run.current;
  const options: AuditOptions = { stage: flags.stage, method: flags.method, thresholds, lang: flags.lang, ...(flags.balance === undefined ? {} : { balance: flags.balance }) };
  const a = audit({ fw: fw0, current: ys! }, options);
  // A person reads names, as in every other command's table (CSV and JSON keep the ids).
  const names = (id: string) => nodeName(fw0, id, flags.lang);
  if (format === 'xlsx') {
    const { workbookBytes } = await import('../cli/xlsx.js');
    return emit(workbookBytes(auditWorkbook(a, flags.lang, names)), flags, io, inputs);
  }
  const screened = ys!.screened.reduce((s, x) => s + x, 0);
  const text = renderAudit(a, {
    format, lang: flags.lang, chalk: makeChalk(io.stdout, io, flags.color && format === 'table' && (flags.output === undefined || flags.output === '-')),
    ascii: asciiOnly(io), width: termWidth(io, flags.output) ?? 80, names,
  }, screened);
  return emit(text, flags, io, inputs);
}
