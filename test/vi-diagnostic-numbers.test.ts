// Numbers in Vietnamese diagnostics are written the Vietnamese way (1.234,5; −1,5), as
// OUT_OF_RANGE's are: the keys below wrote 5000000, 2000.25, -1.5 (review R38).
import { describe, expect, it } from 'vitest';
import { type MessageKey, msg, render } from '../src/core/messages.js';

const CASES: [string, Record<string, unknown>][] = [
  ['DUPLICATE_ROW.denominator', { column: 'pop', value: 2000.25, before: 1234.5, unit: 'X', line: 2 }],
  ['BAD_PARAMETER.negativeWeight', { id: 'a', weight: -1234.5 }],
  ['hint.stepsOrder', { at: 1234.5, before: 0.5 }],
  ['BAD_PARAMETER.target', { id: 'a', target: -2.5 }],
  ['BAD_PARAMETER.goalposts', { id: 'a', min: 0.5, max: 0.25 }],
  ['BAD_SPEC.runs', { max: 1000000, runs: 5000000 }],
  ['BAD_SPEC.cells', { runs: 200000, units: 63, cells: 12600000, max: 10000000 }],
  ['hint.maxRuns', { runs: 158730, units: 63 }],
  ['OUT_OF_DOMAIN.whatIf', { id: 'a', value: -1234.5, transform: 'log' }],
  ['CSV_SYNTAX.rowTooLong', { max: 1048576 }],
  ['CSV_SYNTAX.fieldTooLong', { max: 1048576 }],
  ['BAD_SPEC.level', { level: 12345, max: 3 }],
];

describe('numbers in Vietnamese diagnostics', () => {
  for (const [key, params] of CASES) {
    it(key, () => {
      const vi = render(msg(key as MessageKey, params as never), 'vi');
      // No decimal point, no ungrouped thousands, no hyphen for a minus.
      expect(vi).not.toMatch(/\d\.\d(?!\d\d)|\d\.\d{4}|\d{4,}|(^|[\s(])-\d/);
      // The English keeps its own way (1234.5), untouched.
      const en = render(msg(key as MessageKey, params as never), 'en');
      expect(en).toMatch(/\d/);
    });
  }
  it('as written', () => {
    expect(render(msg('BAD_SPEC.runs', { max: 1000000, runs: 5000000 }), 'vi')).toBe('số lần chạy phải là số nguyên từ 2 đến 1.000.000, nhận được 5.000.000');
    expect(render(msg('BAD_PARAMETER.goalposts', { id: 'a', min: 0.5, max: 0.25 }), 'vi')).toBe("'a': goalposts cần min < max, nhận được min 0,5 và max 0,25");
  });
});
