// The 34 provinces after the 2025 merger, walked as a user would: every data command with
// --merge-2025 on data/2023.csv and data/2024.csv agrees with `score --merge-2025`, and what a
// Vietnamese reader meets is Vietnamese. Each case here was a bug found on that walk.
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('--merge-2025 walked through the commands', () => {
  it("a main index outside the year's method stays empty on the 34, as on the 63 (DTI công bố in 2023 read 0)", async () => {
    for (const merge of [[], ['--merge-2025']]) {
      const j = JSON.parse((await cli(['score', 'data/2023.csv', ...merge, '--detail', 'indicators', '-f', 'json', '-q'])).stdout);
      for (const u of j.rankings) expect(u.indicators['dti-cong-bo'], `${u.unit} ${merge.join('')}`).toEqual({ value: null, normalized: null });
    }
    const csv = (await cli(['score', 'data/2023.csv', '--merge-2025', '--detail', 'indicators', '-f', 'csv', '-q'])).stdout.split('\n');
    const k = csv[0]!.split(',').indexOf('dti-cong-bo');
    expect(csv.slice(1).filter((l) => l !== '').map((l) => l.split(',')[k])).toEqual(Array(34).fill(''));
  });
});
