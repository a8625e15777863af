/**
 * `buildReport`: the whole HTML page from a report model and the boundary file. Renders every
 * chart to inline SVG (Vega, loaded on first use), so the same inputs give the same bytes.
 */
import { CONFIG, type Topology, changeSpec, distributionSpec, focusableShapes, mapSpec, pillarSpec, renderSvg } from './charts.js';
import { reportLabels } from './i18n.js';
import { renderHtml } from './html.js';
import type { ReportModel } from './model.js';
import type { ExplainResult } from '../core/explain/index.js';
import { type UnitSensitivity, unitHtml, unitSpecs } from './unit.js';
import type { AuditResult } from '../core/audit/index.js';
import { auditHtml, auditSectionTitle, heatMaps, heatSpec } from './audit.js';

export type { ReportModel } from './model.js';
export { buildModel } from './model.js';
export type { Topology } from './charts.js';
export type { RankInterval, UnitSensitivity } from './unit.js';

export interface ReportParts {
  /** The boundaries of `model.map` (null: no map). */
  topology: Topology | null;
  /** The unit profile (--unit): `dti explain`'s result, and the rank intervals of `dti sensitivity`. */
  unit?: ExplainResult;
  sensitivity?: UnitSensitivity;
  /** The audit section (--audit): `dti audit`'s result. */
  audit?: AuditResult;
  /** An indicator's or group's name in the report's language (the audit's heat maps and tables). */
  names?: (id: string) => string;
}

export async function buildReport(model: ReportModel, parts: ReportParts): Promise<string> {
  const L = reportLabels(model.lang);
  const maybe = async (spec: Record<string, unknown> | null, prefix: string, label: string) =>
    (spec === null ? null : renderSvg(spec, prefix, label, model.lang));
  const map = model.map !== null && parts.topology !== null
    ? focusableShapes(await renderSvg(mapSpec(model, parts.topology, L), 'map', L.map, model.lang))
    : null;
  const pillars = await maybe(pillarSpec(model, L), 'pillars', L.pillars);
  const changes = await maybe(changeSpec(model, L), 'changes', L.changes);
  const distribution = await maybe(distributionSpec(model, L), 'dist', L.distribution);
  const extra: string[] = [];
  let unit: string | undefined;
  if (parts.unit !== undefined) {
    const specs = unitSpecs(parts.unit, model.lang, CONFIG, parts.sensitivity);
    const svgs = {
      priorities: await maybe(specs.priorities, 'prio', L.unitSection),
      change: await maybe(specs.change, 'contrib', L.unitSection),
      sensitivity: await maybe(specs.sensitivity, 'sens', L.unitSection),
    };
    unit = unitHtml(parts.unit, model.lang, model.decimals, svgs, parts.sensitivity);
  }
  const nav: [string, string][] = [];
  if (parts.audit !== undefined) {
    const maps = heatMaps(parts.audit, parts.names);
    const svgs: (string | null)[] = [];
    for (const [k, h] of maps.entries()) svgs.push(await renderSvg(heatSpec(h, model.lang, CONFIG), `heat${k}`, h.group, model.lang));
    extra.push(auditHtml(parts.audit, model.lang, svgs, parts.names));
    nav.push(['audit', auditSectionTitle(model.lang)]);
  }
  return renderHtml({ ...model, ...(parts.unit === undefined ? {} : { highlight: parts.unit.unit }) }, L, { map, pillars, changes, distribution, ...(unit === undefined ? {} : { unit }), extra, nav });
}
