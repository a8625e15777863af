// The JSON Schema of the definitions format (dist/dti-definitions.schema.json) is generated at
// build time from the zod schema the loader uses (scripts/definitions-schema.mjs). Every shipped
// definitions file names it on its first line and is valid against it; a file the loader rejects
// for its shape is rejected by the schema too.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../src/load/definitions.js';
import { ROOT } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'dist/dti-definitions.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const shipped = readdirSync(join(ROOT, 'indicators')).filter((f) => f.endsWith('.yaml')).sort();

describe('the JSON Schema of definitions files', () => {
  it('is a draft 2020-12 schema made from the zod schema (strict objects, the id pattern)', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'id', 'name', 'indicators']));
  });
  it('finds the shipped definitions files', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(3);
  });
  it.each(shipped)('indicators/%s names the schema and is valid against it', (f) => {
    const text = readFileSync(join(ROOT, 'indicators', f), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../dist/dti-definitions.schema.json');
    const ok = validate(parse(text));
    expect(validate.errors ?? [], f).toEqual([]);
    expect(ok).toBe(true);
  });
  it('rejects what the loader rejects for its shape: a misspelt key, a wrong method, no indicators', () => {
    const base = { schema: 'dti/v1', id: 't', name: 'T', indicators: [{ id: 'a', name: 'A' }] };
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, indicator: [] })).toBe(false);
    expect(validate({ ...base, indicators: [{ id: 'a', name: 'A', normalize: { method: 'target' } }] })).toBe(false);
    expect(validate({ ...base, indicators: [{ id: 'a', name: 'A', normalise: { method: 'none' } }] })).toBe(false);
    expect(validate({ ...base, indicators: [] })).toBe(false);
    expect(validate({ ...base, schema: 'dti/v2' })).toBe(false);
    // Nested groups are checked too (the schema is recursive).
    expect(validate({ ...base, indicators: [{ id: 'g', name: 'G', children: [{ id: 'a', name: 'A', wieght: 2 }] }] })).toBe(false);
  });
  it('the complete annotated example of indicators/README.md loads and is valid against the schema', () => {
    const doc = readFileSync(join(ROOT, 'indicators/README.md'), 'utf8');
    const block = /## A complete annotated example\s+```yaml\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    const r = loadDefinitions(block![1]!, 'indicators/README.md');
    expect(r.ok ? [] : r.errors.map((e) => `${e.line}:${e.col} ${e.message}`)).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(validate(parse(block![1]!))).toBe(true);
    // Every leaf kind of the example is there: a group override, a lower-is-better leaf, steps.
    expect(block![1]).toContain('direction: lower');
    expect(block![1]).toContain('method: steps');
  });
});
