// Warnings: their code and hint when raised while scoring, what they say of units left out or
// unranked, printed by every command, and the missing-value warning.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';
import { load, localize } from '../src/index.js';

describe('warnings', () => {
  it('keep their code and hint when raised while scoring (--pool-years advice)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n    normalize: { method: minmax }\n');
    writeFileSync(join(dir, '2022.csv'), 'unit,a\nX,10\nY,20\n');
    writeFileSync(join(dir, '2023.csv'), 'unit,a\nX,20\nY,30\n');
    const r = await cli(['score', '2023.csv', '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toMatch(/warning: a is normalised over each year's units.*\[YEAR_DEPENDENT_METHOD\]\n {2}hint: pass --pool-years/);
    const j = JSON.parse((await cli(['score', '2023.csv', '-i', 'd.yaml', '-f', 'json'], { cwd: dir })).stdout);
    expect(j.warnings[0]).toMatchObject({ code: 'YEAR_DEPENDENT_METHOD', hint: 'pass --pool-years to normalise over all the years given' });
    // The methods named are the registry's that use the pool, percentile among them (the text said minmax/zscore/rank).
    expect(j.warnings[0].message).toBe("a is normalised over each year's units (minmax/zscore/rank/percentile), so scores are not comparable across years; ranks are");
  });

  it('say "left out" of indicators, not of units that are ranked; an unranked unit is named so', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nmissing: exclude\nindicators:\n  - id: a\n    name: A\n  - id: b\n    name: B\n');
    writeFileSync(join(dir, 'd.csv'), 'unit,a,b\nX,0.5,\nY,,\nZ,0.2,0.4\n');
    const j = JSON.parse((await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'json'], { cwd: dir })).stdout);
    expect(j.rankings.map((u: { unit: string; rank: number | null }) => [u.unit, u.rank])).toEqual([['X', 1], ['Z', 2], ['Y', null]]);
    const msgs = j.warnings.map((w: { message: string }) => w.message);
    expect(msgs).toContain('X: 1 of 2 indicators has no value (coverage 0.50): b (2:7); the indicators without a value are left out and the others re-weighted');
    expect(msgs).toContain('Y: 2 of 2 indicators have no value (coverage 0.00): a (3:3), b (3:4); left unranked (no value to score)');
  });

  it('are printed by trend and compare too', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n    normalize: { method: minmax }\n  - id: b\n    name: B\n');
    writeFileSync(join(dir, '2022.csv'), 'unit,a,b\nX,10,0.5\nY,20,\n');
    writeFileSync(join(dir, '2023.csv'), 'unit,a,b\nX,20,0.5\nY,30,0.5\n');
    for (const argv of [['trend', '2022.csv', '2023.csv'], ['compare', 'X', 'Y', '--data', '2022.csv', '2023.csv']]) {
      const r = await cli([...argv, '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('[YEAR_DEPENDENT_METHOD]');
      expect(r.stderr).toContain('Y (2022): 1 of 2 indicators has no value (coverage 0.50): b (3:6);');
      expect((await cli([...argv, '-i', 'd.yaml', '-f', 'csv', '-q'], { cwd: dir })).stderr).toBe('');
    }
  });
});

describe('the missing-value warning', () => {
  const DEFS = 'schema: dti/v1\nid: t\nname: T\nmissing: zero\nindicators:\n  - {id: a, name: A}\n  - {id: b, name: B}\n  - {id: c, name: C}\n';
  it('names the indicators and their cells (line:column), in both languages', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), DEFS);
    // Line 3 (Q): b is an empty cell at character 5 of 'Q,1,,'; c too, at character 6.
    writeFileSync(join(dir, 'd.csv'), 'unit,a,b,c\nP,1,2,3\nQ,1,,\n');
    const en = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('warning: Q: 2 of 3 indicators have no value (coverage 0.33): b (3:5), c (3:6); an indicator without a value counts as 0 [MISSING_VALUE]');
    const vi = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'csv'], { cwd: dir });
    expect(vi.stderr).toContain('cảnh báo: Q: 2 trong 3 chỉ số không có giá trị (tỷ lệ dữ liệu 0,33): b (3:5), c (3:6); chỉ số không có giá trị được tính là 0 [MISSING_VALUE]');
    // A column the file does not have: the indicator is named, with no cell.
    writeFileSync(join(dir, 'e.csv'), 'unit,a,b\nP,1,2\n');
    const e = await cli(['score', 'e.csv', '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
    expect(e.stderr).toContain('P: 1 of 3 indicators has no value (coverage 0.67): c; an indicator');
  });
  it('past a dozen units, one summary naming the indicators missing most often', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), DEFS);
    const rows = Array.from({ length: 14 }, (_, i) => `U${i},1,${i < 2 ? '1' : ''},${i === 0 ? '' : '1'}`);
    writeFileSync(join(dir, 'd.csv'), `unit,a,b,c\n${rows.join('\n')}\n`);
    const en = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
    // b is missing for U2…U13 (12 units), c for U0 (1): 13 of 14 units, 13 cells.
    expect(en.stderr).toContain('warning: 13 of 14 units have values missing (13 cells in all); an indicator without a value counts as 0; missing most often: b (12), c (1) [MISSING_VALUE]');
  });
});

describe('a value outside the goalposts', () => {
  // ha-tang-so is goalposts 0–1 (indicators/dti.yaml). Nghệ An '69%' and Hà Tĩnh 1.7 were clamped to 1 silently: Hà Tĩnh ranked 1st, exit 0.
  it('is a located warning under score and validate, vi and en, naming the value, the indicator and its goalposts', async () => {
    const dir = tmp();
    const lines = readFileSync(join(ROOT, 'data/2023.csv'), 'utf8').split('\n');
    const col = lines[0]!.split(',').indexOf('ha-tang-so');
    const edit = (name: string, v: string) => {
      const i = lines.findIndex((l) => l.startsWith(`${name},`));
      const cells = lines[i]!.split(',');
      cells[col] = v;
      lines[i] = cells.join(',');
      return `${i + 1}:${lines[i]!.split(',').slice(0, col).join(',').length + 2}`;
    };
    const na = edit('Nghệ An', '69%');
    const ht = edit('Hà Tĩnh', '1.7');
    writeFileSync(join(dir, 'loi-2023.csv'), lines.join('\n'));
    for (const command of ['score', 'validate']) {
      const vi = await cli([command, 'loi-2023.csv'], { cwd: dir });
      expect(vi.code).toBe(0);
      expect(vi.stderr).toContain(`loi-2023.csv:${ht}: cảnh báo: ha-tang-so: 1,7 nằm ngoài ngưỡng 0–1 của chỉ số, nên được tính như 1 [OUT_OF_RANGE]`);
      expect(vi.stderr).toContain(`loi-2023.csv:${na}: cảnh báo: ha-tang-so: 69 nằm ngoài ngưỡng 0–1 của chỉ số, nên được tính như 1 [OUT_OF_RANGE]`);
      expect(vi.stderr).toMatch(/gợi ý: .*viết 0,69 chứ không phải 69 hay 69%/);
      const en = await cli([command, 'loi-2023.csv', '--lang', 'en'], { cwd: dir });
      expect(en.stderr).toContain(`loi-2023.csv:${na}: warning: ha-tang-so: 69 is outside the indicator's goalposts 0–1, so it counts as 1 [OUT_OF_RANGE]`);
    }
    const shipped = await cli(['validate', 'data/2023.csv']);
    expect(shipped.stderr).not.toMatch(/OUT_OF_RANGE/);
  });
  it('in plain rows is located at the value, rows[i]["id"]', async () => {
    const rows = [{ province: 'Nghệ An', year: 2023, 'ha-tang-so': 0.5 }, { province: 'Hà Tĩnh', year: 2023, 'ha-tang-so': -0.25 }];
    const defs = 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: ha-tang-so\n    name: H\n    normalize: { method: goalposts, min: 0, max: 1 }\n';
    const r = await load(rows, { definitions: { text: defs }, previous: false });
    if (!r.ok) throw new Error(r.errors[0]!.message);
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([['OUT_OF_RANGE', 'rows[1]["ha-tang-so"]']]);
    expect(localize(r.warnings[0]!).split('\n')[0]).toBe('rows[1]["ha-tang-so"]: cảnh báo: ha-tang-so: −0,25 nằm ngoài ngưỡng 0–1 của chỉ số, nên được tính như 0 [OUT_OF_RANGE]');
  });
});

describe('a row whose year does not belong', () => {
  // data/2023.csv with Vĩnh Phúc's year changed: scored as a year of its own, with exit 0 and validate ok.
  const withYear = (year: string) => {
    const lines = readFileSync(join(ROOT, 'data/2023.csv'), 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('Vĩnh Phúc,'));
    lines[i] = lines[i]!.replace(',2023,', `,${year},`);
    return { text: lines.join('\n'), at: `${i + 1}:${'Vĩnh Phúc,'.length + 1}` };
  };
  it("is a located warning naming the row, its year and the file name's year, under score and validate, vi and en", async () => {
    const dir = tmp();
    const { text, at } = withYear('2032');
    writeFileSync(join(dir, 'loi-2023.csv'), text);
    writeFileSync(join(dir, 'so-lieu.csv'), text);
    for (const command of ['score', 'validate']) {
      const vi = await cli([command, 'loi-2023.csv'], { cwd: dir });
      expect(vi.code).toBe(0);
      expect(vi.stderr).toContain(`loi-2023.csv:${at}: cảnh báo: dòng của Vĩnh Phúc ghi năm 2032, nhưng tên tệp loi-2023.csv là năm 2023 [BAD_YEAR]`);
      const en = await cli([command, 'loi-2023.csv', '--lang', 'en'], { cwd: dir });
      expect(en.stderr).toContain(`loi-2023.csv:${at}: warning: the row of Vĩnh Phúc says 2032, but the file name loi-2023.csv says 2023 [BAD_YEAR]`);
      // No year in the name: a year that one row alone has among 62.
      const alone = await cli([command, 'so-lieu.csv'], { cwd: dir });
      expect(alone.stderr).toContain(`so-lieu.csv:${at}: cảnh báo: chỉ có dòng của Vĩnh Phúc ghi năm 2032, còn 62 dòng khác ghi năm 2023`);
    }
    expect((await cli(['validate', 'data/2023.csv'])).stderr).not.toMatch(/BAD_YEAR/);
  });
  it("the footer names the year before and the year analysed, in table and md alike", async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'loi-2023.csv'), withYear('2022').text);
    for (const format of ['table', 'md']) {
      const vi = await cli(['score', 'loi-2023.csv', '-f', format], { cwd: dir });
      expect(vi.stdout).toContain('Có trong năm 2022, không còn trong năm 2023: Vĩnh Phúc');
      expect(vi.stdout).not.toContain('(2022)');
      const en = await cli(['score', 'loi-2023.csv', '-f', format, '--lang', 'en'], { cwd: dir });
      expect(en.stdout).toContain('In 2022, no longer in 2023: Vĩnh Phúc');
    }
  });
});
