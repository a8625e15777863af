/** What `sensitivity` takes (the spec) and returns (`dti-sensitivity/v1`, the runs). */

/** Where a value of the spec came from, for located diagnostics: a YAML position or a command-line option. */
export type SpecLocator = (key: string) => { file?: string; line?: number; col?: number };

/** What is uncertain, as the user states it (command line or YAML spec). */
export interface SensitivitySpec {
  runs?: number;
  seed?: number;
  /** Each weight times U(1 − spread, 1 + spread); `levels` (1 = the root's children) or `nodes` restrict it. */
  weights?: { spread: number; levels?: number[]; nodes?: string[] };
  normalisation?: string[];
  aggregation?: string[];
  missing?: string[];
  leaveOneOut?: boolean;
  sobol?: boolean;
  /** Bootstrap resamples for the Sobol confidence intervals (default 1000). */
  bootstrap?: number;
}

export interface UncertainInput {
  /** `weights@1` (the weights of level 1), `normalisation`, `aggregation`, `missing`, `leave-one-out`. */
  id: string;
  /** Options drawn from, uniformly (the nominal choice first); for weights the perturbed node ids. */
  options: string[];
  /** Weights only: the spread. */
  spread?: number;
}

export interface UnitUncertainty {
  unit: string;
  code: string | null;
  nominalRank: number | null;
  medianRank: number | null;
  p5: number | null;
  p95: number | null;
  meanAbsShift: number | null;
}

export interface SobolIndex {
  input: string;
  first: number | null;
  total: number | null;
  firstCi: [number, number] | null;
  totalCi: [number, number] | null;
}

export interface SensitivityResult {
  schema: 'dti-sensitivity/v1';
  framework: { id: string; name: string };
  year: number | null;
  runs: number;
  seed: number;
  inputs: UncertainInput[];
  /** True when no input was named and weights ±25 % were used. */
  defaultInputs: boolean;
  /**
   * True when no input can change anything (the year's index is one indicator: DTI 2024):
   * `runs` is 0, and units carry their nominal rank only.
   */
  nothingToVary?: boolean;
  /** Percentiles: linear interpolation between order statistics (R's quantile type 7). */
  units: UnitUncertainty[];
  sobol?: { baseRuns: number; totalRuns: number; bootstrap: number; output: 'mean absolute rank shift'; indices: SobolIndex[] };
}

/** One run's parameters (for --runs-out). */
export interface RunRecord {
  run: number;
  /** Sobol design block: A, B or AB:<input>; '' for plain Monte Carlo. */
  block: string;
  /** The weight of every perturbed node in this run. */
  weights: Float64Array;
  normalisation: string;
  aggregation: string;
  missing: string;
  leftOut: string;
  meanAbsShift: number;
}

export interface SensitivityRun {
  result: SensitivityResult;
  /** Node ids whose weights the runs list, in the order of RunRecord.weights. */
  weightIds: string[];
  records: RunRecord[];
}

export type SensitivityOptions = { lang?: 'vi' | 'en'; at?: SpecLocator; keepRuns?: boolean };

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SEED = 1;
export const DEFAULT_SPREAD = 0.25;
export const DEFAULT_BOOTSTRAP = 1000;
