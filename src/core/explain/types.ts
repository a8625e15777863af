/** What `explain` returns (`dti-explain/v1`) and takes. */
import type { Dataset, Decimal } from '../model.js';
import type { Lang } from '../score.js';

export interface ExplainNode {
  id: string;
  label: string;
  depth: number;
  parent: string | null;
  kind: 'group' | 'leaf';
  /** The node's value (a leaf's normalised value, a group's aggregate), unscaled; null = missing. */
  value: number | null;
  /** Leaves: the raw value from the data (null: missing). Absent for a main index of a merged province that has no raw form (only the members' mean of its normalised value). */
  raw?: number | null;
  points: number | null;
  /** Null where the node's scale has no known maximum (zscore, values beyond [0, 1] taken as they are). */
  maxPoints: number | null;
  pointsLost: number | null;
  /** Rank among all units of the year on this node (1 = best); null when missing. */
  rank: number | null;
}

export interface RankedNode {
  id: string;
  label: string;
  depth: number;
  rank: number;
  /** How many units are ranked on this node. */
  of: number;
  value: number;
}

export interface Contribution {
  id: string;
  label: string;
  depth: number;
  /** Change of the node's own value (null when missing in either year). */
  valueChange: number | null;
  /** Its share of the change of score, in score units; each depth's contributions sum to the parent's. */
  contribution: number;
  /** The same in points (see totalPoints). */
  pointsChange: number;
}

export interface ExplainChange {
  previousYear: number | null;
  previousScore: number;
  scoreChange: number;
  previousRank: number | null;
  /** Ranks gained (positive = up). */
  rankChange: number | null;
  /**
   * The index was made of different nodes in the two years (`years` in the definitions: the
   * DTI's QĐ 922 → QĐ 405): the change is not split into contributions, which would compare
   * nodes of two different methods.
   */
  methodChanged: boolean;
  /** Empty when the method changed. */
  contributions: Contribution[];
}

export interface NodeNeed {
  id: string;
  label: string;
  depth: number;
  value: number | null;
  /** The node's value that closes the gap alone, others unchanged; null when not reachable alone. */
  valueNeeded: number | null;
  reachable: boolean;
  /** Leaves whose normalisation does not depend on other units: the raw value needed. */
  rawNeeded?: number | null;
}

export interface PlanStep {
  id: string;
  label: string;
  from: number;
  to: number;
  pointsGained: number;
}

export interface ExplainTarget {
  rank: number;
  /** The score (as ranked: rounded when ties are rounded) that rank needed this year; null when any score reaches it. */
  scoreNeeded: number | null;
  /** scoreNeeded − score, in score units and in points (≤ 0: already there). */
  gap: number;
  gapPoints: number;
  reached: boolean;
  /** Other units are held at this year's values. */
  othersHeld: true;
  byNode: NodeNeed[];
  /**
   * One balanced plan: every main index (the root's children) closes the same share of the
   * way to its maximum, the smallest share that reaches the target. Null when even every
   * main index at its maximum does not.
   */
  plan: { share: number; steps: PlanStep[] } | null;
}

export interface WhatIfChange {
  id: string;
  from: number | null;
  to: number | null;
}

export interface ExplainWhatIf {
  changes: WhatIfChange[];
  score: number | null;
  rank: number | null;
  scoreChange: number | null;
  /** Ranks gained against the unit's rank without the changes (positive = up). */
  rankChange: number | null;
}

export interface ExplainResult {
  schema: 'dti-explain/v1';
  framework: { id: string; name: string };
  unit: string;
  code: string | null;
  year: number | null;
  score: number | null;
  rank: number | null;
  /** Units ranked that year. */
  units: number;
  /** The index's points (see the module comment): points lost sum to (max − score) × this. */
  totalPoints: number | null;
  /**
   * False when the year's index is a single indicator (DTI 2024 publishes only the overall
   * DTI): nothing to break it down into, so no strengths or weaknesses either.
   */
  breakdown: boolean;
  /** All nodes below the root, by depth, then by points lost (most first), then document order. */
  nodes: ExplainNode[];
  strengths: RankedNode[];
  weaknesses: RankedNode[];
  change: ExplainChange | null;
  target?: ExplainTarget;
  whatIf?: ExplainWhatIf;
  warnings: { code: string; message: string }[];
}

export interface ExplainOptions {
  lang?: Lang;
  /** A dataset holding the previous year (the file beside this one). */
  previous?: Dataset;
  targetRank?: number;
  /** `id=value` edits (raw values as in a data file) to rescore the unit with. */
  whatIf?: readonly string[];
  decimal?: Decimal;
  /** How many strengths and weaknesses (default 5 each). */
  top?: number;
}
