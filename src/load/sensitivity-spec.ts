/**
 * The YAML spec of `dti sensitivity --spec`: what is uncertain, checked for shape here (every
 * problem located file:line:col) and against the definitions in core/sensitivity.ts.
 *
 * ```yaml
 * runs: 1000
 * seed: 42
 * weights: 0.25                 # or { spread: 0.25, levels: [1] } or { spread: 0.1, nodes: [ha-tang-so] }
 * normalisation: [minmax, rank] # alternatives to each indicator's own method
 * aggregation: [geometric]      # alternatives to each group's own
 * missing: [exclude]            # alternatives to each node's own policy
 * leave-one-out: true
 * sobol: true
 * ```
 */
import * as z from 'zod';
import { type Diagnostic, type Result, error, meant } from '../core/diagnostics.js';
import { msg } from '../core/messages.js';
import { zodText } from '../core/zod-text.js';
import type { SensitivitySpec, SpecLocator } from '../core/sensitivity/index.js';
import { readYaml } from './yaml.js';

const Weights = z.strictObject({
  spread: z.number(),
  levels: z.array(z.number().int()).optional(),
  nodes: z.array(z.string()).optional(),
});

const Spec = z.strictObject({
  runs: z.number().int().optional(),
  seed: z.number().int().optional(),
  weights: z.union([z.number(), Weights]).optional(),
  normalisation: z.array(z.string()).optional(),
  aggregation: z.array(z.string()).optional(),
  missing: z.array(z.string()).optional(),
  'leave-one-out': z.boolean().optional(),
  sobol: z.boolean().optional(),
  bootstrap: z.number().int().optional(),
});

/** The keys a spec may have, and those of `weights:` as a mapping (for "did you mean"): the schema's own. */
const KEYS = Object.keys(Spec.shape);
const WEIGHTS_KEYS = Object.keys(Weights.shape);

export function loadSensitivitySpec(text: string, file: string): Result<{ spec: SensitivitySpec; at: SpecLocator }> {
  const yaml = readYaml(text, file);
  if (!yaml.ok) return yaml;
  // The position of a dotted key path ("weights.levels"), as deep as it exists.
  const locate = (key: string, onKey = false) => ({ file, ...(yaml.value.locate(key.split('.'), onKey) ?? yaml.value.pos(0)) });
  const at: SpecLocator = (key) => locate(key);
  let raw = yaml.value.value;
  if (raw === null || raw === undefined) raw = {};
  // The value given rides along with each issue, so a type error names what was given ("received string", "nhận được chuỗi").
  const parsed = Spec.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const errors: Diagnostic[] = [];
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) {
          errors.push(error('BAD_SPEC.unknownKey', { at: path, key: k }, locate(path === '' ? k : `${path}.${k}`, true),
            meant(k, path === 'weights' ? WEIGHTS_KEYS : KEYS) ?? msg('hint.specKeys', { keys: KEYS.join(', ') })));
        }
      } else {
        errors.push(error('BAD_SPEC', { at: path === '' ? '(top level)' : path, problem: zodText(issue) }, at(path),
          msg(path.startsWith('weights') ? 'hint.specWeights' : 'hint.specExample')));
      }
    }
    return { ok: false, errors, warnings: [] };
  }
  const d = parsed.data;
  const spec: SensitivitySpec = {
    ...(d.runs === undefined ? {} : { runs: d.runs }),
    ...(d.seed === undefined ? {} : { seed: d.seed }),
    ...(d.weights === undefined ? {} : {
      weights: typeof d.weights === 'number' ? { spread: d.weights } : {
        spread: d.weights.spread,
        ...(d.weights.levels === undefined ? {} : { levels: d.weights.levels }),
        ...(d.weights.nodes === undefined ? {} : { nodes: d.weights.nodes }),
      },
    }),
    ...(d.normalisation === undefined ? {} : { normalisation: d.normalisation }),
    ...(d.aggregation === undefined ? {} : { aggregation: d.aggregation }),
    ...(d.missing === undefined ? {} : { missing: d.missing }),
    ...(d['leave-one-out'] === undefined ? {} : { leaveOneOut: d['leave-one-out'] }),
    ...(d.sobol === undefined ? {} : { sobol: d.sobol }),
    ...(d.bootstrap === undefined ? {} : { bootstrap: d.bootstrap }),
  };
  return { ok: true, value: { spec, at }, warnings: [] };
}
