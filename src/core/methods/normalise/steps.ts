import { error } from '../../diagnostics.js';
import { msg } from '../../messages.js';
import { domainText, inDomain, normaliseMethod } from '../method.js';

export const steps = normaliseMethod({
  id: 'steps',
  word: msg('method.steps'),
  schema: (z) => z.strictObject({
    method: z.literal('steps'),
    steps: z.array(z.strictObject({ at: z.number(), score: z.number() })).min(1),
  }),
  keys: ['steps'],
  doc: { params: '`steps: [{at, score}, …]`', higher: 'the score of the highest step reached, else 0', lower: 'the lowest step not exceeded' },
  docVi: { higher: 'điểm của bậc cao nhất đạt được, nếu không 0', lower: 'bậc thấp nhất không bị vượt' },
  usesPool: false,
  directional: true,
  negative: false,
  asIs: false,
  yesNo: false,
  alternative: false,
  bounded: (p) => p.steps.every((s) => s.score >= 0 && s.score <= 1),
  maximum: (p) => Math.max(...p.steps.map((s) => s.score)),
  keeps01: () => false,
  invert(p, y, lower) {
    const hit = lower ? [...p.steps].reverse().find((s) => s.score >= y) : p.steps.find((s) => s.score >= y);
    return { raw: hit === undefined ? null : hit.at };
  },
  check(p, leaf, fail) {
    p.steps.forEach((s, i) => {
      const prev = p.steps[i - 1];
      if (prev !== undefined && !(s.at > prev.at)) {
        fail(['normalize', 'steps', i, 'at'], error('BAD_PARAMETER.stepsOrder', { id: leaf.id }, {}, msg('hint.stepsOrder', { at: s.at, before: prev.at })));
      }
      if (!inDomain(leaf.transform, s.at)) fail(['normalize', 'steps', i, 'at'], error('BAD_PARAMETER.domain', { id: leaf.id, what: msg('param.at'), domain: domainText(leaf.transform), transform: leaf.transform }, {}, msg('hint.stepsTransformed')));
      if (leaf.underGeometric && s.score < 0) {
        fail(['normalize', 'steps', i, 'score'], error('BAD_PARAMETER.negativeStep', { id: leaf.id }, {}, msg('hint.stepScores')));
      }
    });
  },
  apply(x, _pool, p, lower, tf, out) {
    const st = p.steps.map((s) => ({ at: tf(s.at), score: s.score }));
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (Number.isNaN(v)) continue;
      let s = 0;
      if (lower) {
        // The lowest step not exceeded.
        const hit = st.find((q) => v <= q.at);
        s = hit === undefined ? 0 : hit.score;
      } else {
        // The highest step reached.
        for (const q of st) if (v >= q.at) s = q.score;
      }
      out[i] = s;
    }
  },
  describe: (p) => `steps ${p.steps.map((s) => `${s.at}→${s.score}`).join(' ')}`,
});
