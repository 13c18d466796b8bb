import type { ErrorObject } from "ajv";
import { closestIds } from "../text/closest";

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of keys to values",
  null: "empty",
};

/**
 * Turns one ajv error into a sentence a compliance lead understands, naming the field, the
 * record it belongs to (`risk R-003`) and what is allowed instead.
 */
export function describeSchemaError(error: ErrorObject, path: string[], record: string | undefined): string {
  const field = lastField(path);
  const where = record ? `${capitalise(record)}: ` : "";
  const value = error.data;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((schema.properties as Record<string, unknown>) ?? {});
      const guess = closestIds(key, allowed, 1)[0];
      return `${where}unknown field "${key}"${field && !record ? ` in ${field}` : ""}.${guess ? ` Did you mean "${guess}"?` : ` Allowed: ${allowed.join(", ")}.`} (Your own fields must start with x-.)`;
    }
    case "required": {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      if (missing === "apiVersion") return "This document needs apiVersion: isms/v1 at the top.";
      return `${where || (field ? `${capitalise(field)}: ` : "")}the field "${missing}" is required.`;
    }
    case "enum": {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const guess = typeof value === "string" ? closestIds(value, allowed, 1)[0] : undefined;
      const what = path.length >= 2 && path[path.length - 2] === "rules" ? `severity for ${field}` : (field ?? "value");
      return `${where}"${String(value)}" is not a valid ${what}.${guess ? ` Did you mean "${guess}"?` : ""} Use one of: ${allowed.join(", ")}.`;
    }
    case "const": {
      const allowed = String((error.params as { allowedValue: unknown }).allowedValue);
      return `${where}${field ?? "this value"} must be ${allowed}, not "${String(value)}".`;
    }
    case "type": {
      const expected = String((error.params as { type: string }).type)
        .split(",")
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(" or ");
      const hint = typeof value === "number" && expected === "text" ? ` Quote it ("${String(value)}") so YAML keeps it as written.` : "";
      const last = path[path.length - 1];
      // A list's item: "item 1 of reviews", not "reviews", which is a list as it should be.
      const subject = field && last !== undefined && /^\d+$/.test(last) ? `item ${Number(last) + 1} of ${field}` : (field ?? "this value");
      return `${where}${subject} must be ${expected}, not ${describeValue(value)}.${hint}`;
    }
    case "pattern":
      return `${where}${patternMessage(String(value), field, error.schemaPath)}`;
    case "minimum":
    case "exclusiveMinimum":
      return `${where}${field ?? "this value"} must be at least ${(error.params as { limit: number }).limit}, not ${String(value)}.`;
    case "maximum":
    case "exclusiveMaximum":
      return `${where}${field ?? "this value"} must be at most ${(error.params as { limit: number }).limit}, not ${String(value)}.`;
    case "uniqueItems": {
      const { i, j } = error.params as { i: number; j: number };
      const list = Array.isArray(value) ? value : [];
      return `${where}${field ?? "this list"} lists "${String(list[j])}" more than once (items ${j + 1} and ${i + 1}).`;
    }
    case "maxItems": {
      const count = Array.isArray(value) ? value.length : undefined;
      return `${where}${field ?? "this list"} holds ${count === undefined ? "more" : count.toLocaleString("en-US")} items, more than the ${(error.params as { limit: number }).limit.toLocaleString("en-US")} the format allows: split it or remove what does not belong.`;
    }
    case "minLength":
      return `${where}${field ?? "this value"} must not be empty.`;
    default:
      return `${where}${field ?? "value"} ${error.message ?? "is not valid"}.`;
  }
}

function patternMessage(value: string, field: string | undefined, schemaPath: string): string {
  const name = field ?? "value";
  if (/date/.test(schemaPath)) return `${name} "${value}" is not a date: write it as YYYY-MM-DD (e.g. 2026-03-31).`;
  if (/controlScopeRef/.test(schemaPath)) return `${name} "${value}" is not an Annex A control (A.5.15) or theme (A.5 to A.8).`;
  if (/control/.test(schemaPath)) return `${name} "${value}" is not an Annex A control id: write it like A.5.15.`;
  if (/clause/.test(schemaPath)) return `${name} "${value}" is not a clause of ISO/IEC 27001 (4 to 10, e.g. "9.2").`;
  if (/\/id\b|personRef/.test(schemaPath)) return `${name} "${value}" is not a valid id: use letters, digits, . _ : or - with no spaces.`;
  return `${name} "${value}" does not have the expected form.`;
}

function lastField(path: string[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (!/^\d+$/.test(path[i])) return path[i];
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "number" && !Number.isFinite(value)) return `${String(value)} (a number too large for YAML to hold; write a finite number)`;
  return `${typeof value === "number" ? "the number" : "the value"} ${String(value)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
