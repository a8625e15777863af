/**
 * A rank interval as a reader reads it, the one rule for every table, text and picture of it
 * (`dti sensitivity`'s table and charts, the report's sentence and picture). The 5th and 95th
 * percentiles of the runs' ranks fall between two ranks (20, 24.05): the interval is widened to
 * the ranks around it, the 5th percentile rounded down and the 95th up (20–25), so it still holds
 * at least 90 % of the runs; a median between two ranks (even runs) is rounded to the nearer,
 * half up. A percentile within 10⁻⁹ of a rank is that rank. JSON and CSV keep the percentiles
 * as computed.
 */
export interface WholeRanks {
  low: number;
  median: number;
  high: number;
}

const whole = (x: number, round: (x: number) => number): number => (Math.abs(x - Math.round(x)) < 1e-9 ? Math.round(x) : round(x));

/** The whole-rank interval and median of a unit's percentiles; null when it has none (unranked). */
export function wholeRanks(u: { p5: number | null; medianRank: number | null; p95: number | null }): WholeRanks | null {
  if (u.p5 === null || u.p95 === null || u.medianRank === null) return null;
  return { low: whole(u.p5, Math.floor), median: whole(u.medianRank, (v) => Math.floor(v + 0.5)), high: whole(u.p95, Math.ceil) };
}
