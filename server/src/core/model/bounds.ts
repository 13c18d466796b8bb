/**
 * Bounds of the numbers of the format that the engine relies on: the JSON Schemas (`schemas/`)
 * state the same maxima (a test checks it), so a value beyond one is a `schema/invalid` finding,
 * and the rules leave it alone: nothing is allocated or repeated in proportion to a number written
 * in a file.
 */

/** The highest level a likelihood or impact scale may have (scales run 1 to n, n at most this). */
export const MAX_SCALE_LEVEL = 10;

/** The highest risk score, score-band `max`, matrix score or acceptance threshold. */
export const MAX_SCORE = 10_000;
