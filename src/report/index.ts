/**
 * `buildReport`: the whole HTML page from a report model and the boundary file. Renders every
 * chart to inline SVG (Vega, loaded on first use), so the same inputs give the same bytes.
 */
import { type Topology, changeSpec, distributionSpec, focusableShapes, mapSpec, pillarSpec, renderSvg } from './charts.js';
import { reportLabels } from './i18n.js';
import { renderHtml } from './html.js';
import type { ReportModel } from './model.js';

export type { ReportModel } from './model.js';
export { buildModel } from './model.js';
export type { Topology } from './charts.js';

export interface ReportParts {
  /** The boundaries of `model.map` (null: no map). */
  topology: Topology | null;
  /** Extra sections of HTML (the unit profile). */
  extra?: string[];
}

export async function buildReport(model: ReportModel, parts: ReportParts): Promise<string> {
  const L = reportLabels(model.lang);
  const maybe = async (spec: Record<string, unknown> | null, prefix: string, label: string) =>
    (spec === null ? null : renderSvg(spec, prefix, label));
  const map = model.map !== null && parts.topology !== null
    ? focusableShapes(await renderSvg(mapSpec(model, parts.topology, L), 'map', L.map))
    : null;
  const pillars = await maybe(pillarSpec(model, L), 'pillars', L.pillars);
  const changes = await maybe(changeSpec(model, L), 'changes', L.changes);
  const distribution = await maybe(distributionSpec(model, L), 'dist', L.distribution);
  return renderHtml(model, L, { map, pillars, changes, distribution, extra: parts.extra ?? [] });
}
