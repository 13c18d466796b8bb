/**
 * Shapes of findings' `data`: small runtime guards that also give the TypeScript type, so a rule
 * declares once what its findings carry. The engine reports `data` as plain JSON; it reaches the
 * quick-fixes again after crossing the editor protocol (diagnostic `data`), where
 * `codeActionsFor` checks it against the rule's shape once, so fixes read typed fields.
 *
 *     const data = shape({ id: optional(text), candidates: list(text) });
 *     export type UnresolvedData = DataOf<typeof data>; // { id: string | undefined; candidates: string[] }
 */

/** A runtime check of a JSON value that narrows it to `T`. */
export type Guard<T> = (value: unknown) => value is T;

/** The type a guard checks. */
export type DataOf<G> = G extends Guard<infer T> ? T : never;

/** What a finding's `data` may be: a JSON object. */
export type FindingData = Record<string, unknown>;

/** A string. */
export const text: Guard<string> = (value): value is string => typeof value === "string";

/** A finite number. */
export const count: Guard<number> = (value): value is number => typeof value === "number" && Number.isFinite(value);

/** `true` or `false`. */
export const flag: Guard<boolean> = (value): value is boolean => typeof value === "boolean";

/** One of the given strings. */
export function oneOf<const T extends string>(...values: T[]): Guard<T> {
  return (value): value is T => typeof value === "string" && (values as string[]).includes(value);
}

/** A value of `guard`, or absent (`undefined`: the key is dropped in JSON). */
export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value): value is T | undefined => value === undefined || guard(value);
}

/** A value of `guard`, or `null`. */
export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (value): value is T | null => value === null || guard(value);
}

/** An array whose every item passes `guard`. */
export function list<T>(guard: Guard<T>): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.every((item) => guard(item));
}

/** A value that passes any of the guards (one of several shapes of a rule's findings). */
export function anyOf<G extends Guard<unknown>[]>(...guards: G): Guard<DataOf<G[number]>> {
  return (value): value is DataOf<G[number]> => guards.some((guard) => guard(value));
}

/** The object type of a shape's fields: fields that may be `undefined` are optional. */
export type Shaped<S extends Record<string, Guard<unknown>>> = {
  [K in keyof S as undefined extends DataOf<S[K]> ? never : K]: DataOf<S[K]>;
} & {
  [K in keyof S as undefined extends DataOf<S[K]> ? K : never]?: DataOf<S[K]>;
};

/** A JSON object with these fields (other fields are allowed and ignored). */
export function shape<S extends Record<string, Guard<unknown>>>(fields: S): Guard<Shaped<S>> {
  const entries = Object.entries(fields);
  return (value): value is Shaped<S> => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    return entries.every(([key, guard]) => guard(Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined));
  };
}

/** A source position: 0-based line and UTF-16 character, as in `text/range.ts`. */
export const position = shape({ line: count, character: count });

/** A source range: its start and end positions, as in `text/range.ts`. */
export const range = shape({ start: position, end: position });
