import * as assert from "node:assert/strict";
import { checkWorkspace, type Range } from "../../../server/src/core";
import { ismsViews, viewsOfCheck } from "../../../server/src/core/views";
import { edit } from "../../helpers/annotations";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";

/** Every `location` object in a JSON value. */
function locations(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(locations);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (key === "location" && v !== undefined ? [v] : locations(v)));
}

/** Paths of the values in `value` that JSON cannot carry as they are (class instances, functions, NaN …). */
function nonJson(value: unknown, path = "$"): string[] {
  if (value === null || typeof value === "string" || typeof value === "boolean" || value === undefined) return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonJson(v, `${path}[${i}]`));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.entries(value).flatMap(([k, v]) => nonJson(v, `${path}.${k}`));
  return [path];
}

function under(prefix: string, files: Files): Files {
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [`${prefix}/${path}`, text]));
}

describe("views: building", () => {
  it("builds the views of every ISMS root, each with the findings of its own files", () => {
    const overdue = edit(minimalIsms(), "actions.yaml", "due: 2027-03-31", "due: 2026-11-01");
    const renamed = edit(minimalIsms(), "isms.yaml", "organization: Fixture Ltd", "organization: Other Ltd");
    const result = checkWorkspace(
      Object.entries({ ...under("a", overdue), ...under("b", renamed) }).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    );
    const views = viewsOfCheck(result, FIXTURE_TODAY);
    assert.deepEqual(
      views.map((v) => [v.root, v.organization, v.today, v.overview.findings.warnings, v.actions.overdue.length]),
      [
        ["a", "Fixture Ltd", FIXTURE_TODAY, 1, 1],
        ["b", "Other Ltd", FIXTURE_TODAY, 0, 0],
      ],
    );
  });

  it("relocates every record with the caller's locate function, and is plain JSON", () => {
    const [model] = checkWorkspace(
      Object.entries(minimalIsms()).map(([file, text]) => ({ file, text })),
      { today: FIXTURE_TODAY },
    ).models;
    const views = ismsViews(model, [], FIXTURE_TODAY, (l) => ({ uri: `file:///ws/${l.file}`, range: l.range }));
    const all = locations(views) as { uri: string; range: Range; file?: string }[];
    // 2 risks + 93 controls + 3 actions + 2 timeline records + 1 nonconformity + last review + last audit
    // + registers: 1 role, 1 awareness activity, 1 measure, 1 supplier, 1 incident
    assert.equal(all.length, 2 + 93 + 3 + 2 + 1 + 2 + 5);
    assert.ok(all.every((l) => l.uri.startsWith("file:///ws/") && l.file === undefined && typeof l.range.start.line === "number"));
    assert.deepEqual(nonJson(views), []);
  });
});
