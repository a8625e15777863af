/**
 * Uncertainty and sensitivity analysis: how much each unit's rank depends on the choices made
 * in building the index. Seeded Monte Carlo over the uncertain inputs (weights perturbed,
 * alternative normalisation, aggregation and missing-value policy, one indicator left out),
 * and, on request, first-order and total-order Sobol indices of each input on the mean
 * absolute rank shift.
 *
 * The inputs are validated against the definitions before any run. Each alternative
 * normalisation is applied once, to the whole leaf matrix; a run only picks a matrix, draws
 * weights and re-aggregates into buffers reused from run to run, with the engine's own
 * formulas in the same order of operations, so the nominal run reproduces `score` bit for bit.
 *
 * Sobol indices (Saltelli et al. 2010, "Variance based sensitivity analysis of model output",
 * Computer Physics Communications 181): N base rows A, N rows B, and for each of the d inputs
 * the rows AB_i (A with input i taken from B): N(d + 2) runs. With f the output of a run and
 * V the variance of f over A and B together,
 *   first order  S_i  = (1/N) Σ f(B)·(f(AB_i) − f(A)) / V        (Saltelli 2010, table 2 (b))
 *   total order  ST_i = (1/2N) Σ (f(A) − f(AB_i))² / V           (Jansen 1999, table 2 (f))
 * An input that draws several numbers (the weights of one level) is one group of variables,
 * swapped as a block. Confidence intervals: 95 % percentile bootstrap over the N rows.
 *
 * The parts: ./plan.ts (the spec checked, the alternative matrices made), ./reaggregate.ts
 * (a run's aggregation, the 2025 merger), ./run.ts (the runs and each unit's statistics),
 * ./sobol.ts (the Saltelli design and the indices), ./stats.ts (random numbers, quantiles).
 */

export * from './types.js';
export { ALT_AGGREGATIONS, ALT_MISSING, ALT_NORMALISATIONS, planSensitivity } from './plan.js';
export { Reaggregator } from './reaggregate.js';
export { sensitivity } from './run.js';
export { sobolIndices } from './sobol.js';
export { rng } from './stats.js';
