// The decimal mark is detected only when the file leaves no doubt (issue 22, item 4). The
// expected marks and messages are worked out by hand from each file's values.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from './helpers.js';

const YAML = 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n    normalize: { method: minmax }\n  - id: b\n    name: B\n    normalize: { method: minmax }\n';

async function run(csv: string, ...more: string[]) {
  const d = tmp();
  writeFileSync(join(d, 'd.yaml'), YAML);
  writeFileSync(join(d, 'd.csv'), csv);
  return cli(['validate', 'd.csv', '-i', 'd.yaml', '-v', '--lang', 'en', ...more], { cwd: d });
}

describe('the decimal mark', () => {
  it("0.5, 5., 1.2.3 and one quoted 1,234: not decimal-comma; each problem on its own line with its own hint", async () => {
    const r = await run('unit,a,b\nX,0.5,1\nY,5.,2\nZ,1.2.3,3\nW,"1,234",4\nV,2,5\n');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('decimal mark: dot (detected)');
    expect(r.stderr).toContain("d.csv:4:3: error: a: '1.2.3' is not a number [NOT_A_NUMBER]\n  hint: write numbers with '.' as the decimal mark");
    // 1,234 is English thousands as much as a Vietnamese decimal: the hint says both, and does
    // not send a file written with '.' decimals to --decimal comma.
    expect(r.stderr).toContain("d.csv:5:3: error: a: '1,234' is not a number [NOT_A_NUMBER]\n  hint: ',' here may group thousands or mark decimals");
    expect(r.stderr).not.toContain('--decimal comma');
    expect(r.stderr).toContain('2 errors');
  });
  it('without the dot decimals, 1.2.3 and 1,234 still leave the mark in doubt: the default, not comma', async () => {
    const r = await run('unit,a,b\nZ,1.2.3,3\nW,"1,234",4\nV,2,5\n');
    expect(r.stderr).toContain('decimal mark: dot (default)');
    expect(r.stderr).toContain("'1,234' is not a number");
  });
  it('a comma that can only be decimal (75,7; 0,834; 3.743.092,5) is detected, and 1,234 then reads as 1.234', async () => {
    const r = await run('unit,a,b\nX,"75,7",1\nY,"0,834",2\nZ,"3.743.092,5",3\nW,"1,234",4\n');
    expect(r.stderr).toContain('decimal mark: comma (detected)');
    expect(r.code).toBe(0);
  });
  it('English thousands (1,234.5; 1,234,567) are no decimal comma', async () => {
    const r = await run('unit,a,b\nX,"75,7",1\nY,"1,234.5",2\n');
    expect(r.stderr).toContain('decimal mark: dot (default)');
    const e = await run('unit,a,b\nX,"1,234,567",1\nY,2,2\n');
    expect(e.stderr).toContain('decimal mark: dot (detected)');
  });
});
