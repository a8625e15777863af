// Build step: writes dist/dti-definitions.schema.json, the JSON Schema of a `schema: dti/v1`
// definitions file, generated from the zod schema the loader itself uses (src/core/schema.ts,
// compiled to dist/core/schema.js) with zod 4's z.toJSONSchema. The shipped YAML files name it
// on their first line (`# yaml-language-server: $schema=../dist/dti-definitions.schema.json`)
// so that an editor with the YAML language server completes and checks them.
// The cross-field rules (unique ids, pillar members that exist, …) are the loader's: `dti validate`.
import { writeFileSync } from 'node:fs';
import * as z from 'zod';
import { DefinitionsSchema } from '../dist/core/schema.js';

const generated = z.toJSONSchema(DefinitionsSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
const schema = {
  $schema: generated.$schema,
  title: 'dti definitions file (schema: dti/v1)',
  description: 'Indicator definitions for `dti` (see indicators/README.md). Generated from src/core/schema.ts; run `dti validate` for the rules a JSON Schema cannot say.',
  ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
};
writeFileSync(new URL('../dist/dti-definitions.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
