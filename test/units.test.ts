// findUnit (src/core/units.ts): the one way a unit's name becomes its key, for explain, compare
// and report --unit. Each expected key and message is read off the registry by hand
// (Nghệ An is GSO 40, Vĩnh Phúc 26 merged into Phú Thọ 25 on 1 July 2025).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUnit, unitsOf } from '../src/core/units.js';
import { compare } from '../src/core/compare.js';
import { render } from '../src/core/messages.js';
import type { Result } from '../src/core/diagnostics.js';
import { ROOT, data, defs, fw, runOf } from './helpers.js';
import { PROVINCES_2025 } from '../src/core/provinces.js';

const F = fw(defs(`  - id: a
    name: A
    normalize: { method: goalposts, min: 0, max: 1 }
`));
const PROVINCES = data('province,year,a\nNghệ An,2023,0.5\nHà Tĩnh,2023,0.6\nĐà Nẵng,2023,0.7\n', F);
const FREE = data('unit,year,a\nJapan,2023,0.5\nKorea,2023,0.6\nÉcosse,2023,0.7\n', F);

/** The error of a failed lookup, rendered as the CLI prints it (message and hint). */
const said = (r: Result<string>, lang: 'vi' | 'en' = 'en') => {
  if (r.ok) return `ok ${r.value}`;
  expect(r.errors).toHaveLength(1);
  const e = r.errors[0]!;
  return `${e.code}: ${render(e.text, lang)} | ${e.hintText === undefined ? '' : render(e.hintText, lang)}`;
};

describe('findUnit', () => {
  it('a province by any spelling the registry knows; an unknown one or one absent from the data says which', () => {
    for (const name of ['Nghệ An', 'nghe an', ' NGHỆ AN ', 'Nghe An']) expect(findUnit(PROVINCES, name)).toEqual({ ok: true, value: '40', warnings: [] });
    expect(said(findUnit(PROVINCES, 'Xyz'))).toBe("UNKNOWN_PROVINCE: unknown province 'Xyz' | see 'dti provinces'");
    expect(said(findUnit(PROVINCES, 'Vĩnh Phúc'))).toBe('UNKNOWN_PROVINCE: Vĩnh Phúc has no row in the data | the data hold 3 units');
    expect(said(findUnit(PROVINCES, 'Vĩnh Phúc'), 'vi')).toBe('UNKNOWN_PROVINCE: Vĩnh Phúc không có dòng nào trong số liệu | số liệu có 3 đơn vị');
  });

  it('a free unit by its name, case and accents folded; an unknown one lists the units in Vietnamese order', () => {
    expect(findUnit(FREE, ' KOREA ')).toEqual({ ok: true, value: 'Korea', warnings: [] });
    expect(findUnit(FREE, 'ecosse')).toEqual({ ok: true, value: 'Écosse', warnings: [] });
    expect(said(findUnit(FREE, 'Atlantis'))).toBe("UNKNOWN_PROVINCE: no unit 'Atlantis' in the data | the units are: Écosse, Japan, Korea");
  });

  it('on the 34: each of the 34 by its own name, including those that kept a name of the 63 on another code (review R62)', () => {
    const dti = fw(readFileSync(join(ROOT, 'indicators/dti.yaml'), 'utf8'));
    const run = runOf(dti, data(readFileSync(join(ROOT, 'data/2024.csv'), 'utf8'), dti), { merge2025: true });
    for (const p of PROVINCES_2025) expect(findUnit(unitsOf(run), p.name), p.name).toEqual({ ok: true, value: `2025:${p.code}`, warnings: [] });
    // Lào Cai (with Yên Bái), An Giang (with Kiên Giang), Quảng Trị (with Quảng Bình): the name
    // finds the province of the 34; the other old name is merged into it. Thừa Thiên Huế was only renamed.
    expect(said(findUnit(unitsOf(run), 'Lào Cai'))).toMatch(/^ok 2025:/);
    expect(said(findUnit(unitsOf(run), 'Yên Bái'))).toBe('UNKNOWN_PROVINCE: Yên Bái merged into Lào Cai on 1 July 2025; the data are the 34 provinces after the merger | use "Lào Cai"');
    expect(said(findUnit(unitsOf(run), 'Kiên Giang'))).toBe('UNKNOWN_PROVINCE: Kiên Giang merged into An Giang on 1 July 2025; the data are the 34 provinces after the merger | use "An Giang"');
    expect(said(findUnit(unitsOf(run), 'Quảng Bình'))).toBe('UNKNOWN_PROVINCE: Quảng Bình merged into Quảng Trị on 1 July 2025; the data are the 34 provinces after the merger | use "Quảng Trị"');
    expect(findUnit(unitsOf(run), 'Thừa Thiên Huế')).toEqual(findUnit(unitsOf(run), 'Huế'));
  });

  it('on the 34: a province of the 63 is named with its successor; compare collects every name\'s error, in order', () => {
    const dti = fw(readFileSync(join(ROOT, 'indicators/dti.yaml'), 'utf8'));
    const run = runOf(dti, data(readFileSync(join(ROOT, 'data/2023.csv'), 'utf8'), dti), { merge2025: true });
    expect(findUnit(unitsOf(run), 'phu tho')).toEqual({ ok: true, value: '2025:25', warnings: [] });
    expect(said(findUnit(unitsOf(run), 'Vinh Phuc'))).toBe('UNKNOWN_PROVINCE: Vĩnh Phúc merged into Phú Thọ on 1 July 2025; the data are the 34 provinces after the merger | use "Phú Thọ"');
    const c = compare(run, ['Nghệ An', 'Xyz', 'Vĩnh Phúc', 'Phú Thọ', 'Bình Dương']);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.errors.map((e) => `${e.code} ${e.text.key} ${String(e.text.params.name)}`)).toEqual([
      'UNKNOWN_PROVINCE UNKNOWN_PROVINCE Xyz',
      'UNKNOWN_PROVINCE UNKNOWN_PROVINCE.merged Vĩnh Phúc',
      'UNKNOWN_PROVINCE UNKNOWN_PROVINCE.merged Bình Dương',
    ]);
    const ok = compare(run, ['nghe an', 'Phu Tho']);
    expect(ok.ok && ok.value.units).toEqual([{ unit: 'Nghệ An', code: '40' }, { unit: 'Phú Thọ', code: '25' }]);
  });
});
