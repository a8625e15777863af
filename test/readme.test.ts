// The README's worked example is the real output of the command it shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, cli } from './helpers.js';

it('the worked example in the README (the official 2023 ranking) is the real output of its command on a terminal', async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /## A worked example[^`]*```\n\$ npx dti (.+)\n([\s\S]*?)```/.exec(readme);
  expect(block).not.toBeNull();
  const args = block![1]!.split(' ');
  const r = await cli(args, { tty: true, env: { NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(block![2]);
});
