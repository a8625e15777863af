/**
 * The shape of a `schema: dti/v1` definitions file (indicators/README.md), as zod
 * strict objects so that a misspelt key is an error rather than silently ignored.
 * Cross-field rules (unique ids, parameters that fit the method, …) live in definitions.ts.
 */
import * as z from 'zod';
import { AGGREGATE_IDS } from './methods/aggregate.js';
import { NORMALISE } from './methods/normalise/index.js';

/** `normalize:` as the definitions accept it: one strict mapping per method of the registry, told apart by `method`. */
const NormaliseSchema = z.discriminatedUnion('method',
  NORMALISE.map((m) => m.schema(z)) as unknown as [z.ZodObject<{ method: z.ZodLiteral<string> }>, ...z.ZodObject<{ method: z.ZodLiteral<string> }>[]]);

export { NormaliseSchema };

const finite = z.number();

export const NameSchema = z.union([
  z.string().min(1),
  z.strictObject({ vi: z.string().min(1), en: z.string().min(1).optional() }),
]);

const CitationsSchema = z.union([z.string(), z.array(z.string())]);
/** One citation or a list, or { vi, en } of those like a name (`en` optional: `vi` is used). */
export const SourceSchema = z.union([CitationsSchema, z.strictObject({ vi: CitationsSchema, en: CitationsSchema.optional() })]);
/** Free text, or { vi, en } like a name. */
export const DescriptionSchema = z.union([z.string(), z.strictObject({ vi: z.string(), en: z.string().optional() })]);

export const MissingSchema = z.enum(['zero', 'exclude', 'error']);
export const AggregateSchema = z.enum(AGGREGATE_IDS);
export const DirectionSchema = z.enum(['higher', 'lower']);
export const TransformSchema = z.enum(['none', 'log', 'log10', 'sqrt']);
export const ImputeSchema = z.enum(['none', 'mean', 'median', 'group-mean', 'group-median', 'previous', 'linear']);
/** Winsorisation as COINr and the JRC COIN Tool do it (stages/treat.ts); unset keys take the defaults. */
export const TreatSchema = z.union([
  z.literal('none'),
  z.strictObject({
    method: z.literal('winsorise'),
    skew: finite.positive().optional(),
    kurtosis: finite.optional(),
    max_points: z.number().int().min(1).optional(),
    fallback: z.enum(['log', 'none']).optional(),
  }),
]);
const ColumnNameSchema = z.string().trim().min(1);

const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]+$/, { error: 'schema.idChars' })
  // Results key objects by id (JSON `indicators`, `groups`, `pillars`): '__proto__' would be lost there.
  .refine((id) => id !== '__proto__', { error: 'schema.proto' });

/**
 * The years a node is part of the index: `2018-` (from 2018 on), `-2017` (until 2017),
 * `2011-2017`, or one year. YAML reads `2020` as a number and `-2017` as a negative one.
 */
export const YearsSchema = z.union([
  z.number().int().refine((y) => Math.abs(y) >= 1000 && Math.abs(y) <= 9999, { error: 'schema.yearsNumber' }),
  z.string().regex(/^\s*(\d{4})?\s*-\s*(\d{4})?\s*$|^\s*\d{4}\s*$/, { error: 'schema.yearsText' }),
]);

export interface RawNode {
  id: string;
  name: z.infer<typeof NameSchema>;
  description?: z.infer<typeof DescriptionSchema> | undefined;
  source?: z.infer<typeof SourceSchema> | undefined;
  weight?: number | undefined;
  aggregate?: z.infer<typeof AggregateSchema> | undefined;
  missing?: z.infer<typeof MissingSchema> | undefined;
  children?: RawNode[] | undefined;
  unit?: z.infer<typeof NameSchema> | undefined;
  column?: string | undefined;
  direction?: z.infer<typeof DirectionSchema> | undefined;
  transform?: z.infer<typeof TransformSchema> | undefined;
  normalize?: z.infer<typeof NormaliseSchema> | undefined;
  denominator?: string | undefined;
  per?: number | undefined;
  impute?: z.infer<typeof ImputeSchema> | undefined;
  treat?: z.infer<typeof TreatSchema> | undefined;
  floor?: number | undefined;
  years?: z.infer<typeof YearsSchema> | undefined;
}

export const NodeSchema: z.ZodType<RawNode> = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  description: DescriptionSchema.optional(),
  source: SourceSchema.optional(),
  weight: finite.optional(),
  aggregate: AggregateSchema.optional(),
  missing: MissingSchema.optional(),
  get children() {
    return z.array(NodeSchema).min(1).optional();
  },
  // Free text, or { vi, en } like a name.
  unit: NameSchema.optional(),
  column: z.string().min(1).optional(),
  direction: DirectionSchema.optional(),
  transform: TransformSchema.optional(),
  normalize: NormaliseSchema.optional(),
  denominator: ColumnNameSchema.optional(),
  per: finite.positive().optional(),
  impute: ImputeSchema.optional(),
  treat: TreatSchema.optional(),
  floor: finite.min(0).max(1).optional(),
  years: YearsSchema.optional(),
});

export const PillarSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  description: DescriptionSchema.optional(),
  members: z.array(z.string()).min(1),
});

export const DefinitionsSchema = z.strictObject({
  schema: z.literal('dti/v1', { error: 'schema.firstKey' }),
  id: IdSchema,
  name: NameSchema,
  description: DescriptionSchema.optional(),
  source: SourceSchema.optional(),
  score: z
    .strictObject({
      scale: finite.positive().optional(),
      decimals: z.number().int().min(0).max(12).optional(),
      ties: z.enum(['rounded', 'exact']).optional(),
    })
    .optional(),
  missing: MissingSchema.optional(),
  aggregate: AggregateSchema.optional(),
  floor: finite.min(0).max(1).optional(),
  columns: z.strictObject({
    groups: z.array(ColumnNameSchema).optional(),
    denominators: z.array(ColumnNameSchema).optional(),
  }).optional(),
  screen: z.strictObject({ min_coverage: finite.min(0).max(1) }).optional(),
  impute: ImputeSchema.optional(),
  impute_group: ColumnNameSchema.optional(),
  treat: TreatSchema.optional(),
  indicators: z.array(NodeSchema).min(1),
  pillars: z.array(PillarSchema).optional(),
});

export type RawDefinitions = z.infer<typeof DefinitionsSchema>;
