import * as assert from "node:assert/strict";
import { checkWorkspace, type Range } from "../../../server/src/core";
import { viewsOfCheck, type IsmsViews } from "../../../server/src/core/views";
import { FIXTURE_TODAY, type Files } from "../../helpers/minimal-isms";

/** The views of the single ISMS root of `files`, checked on `today`. */
export function viewsOf(files: Files, today = FIXTURE_TODAY): IsmsViews {
  const views = viewsOfCheck(check(files, today), today);
  assert.equal(views.length, 1, "one ISMS root");
  return views[0];
}

/** Checks `files` (path → text) on `today`. */
export function check(files: Files, today = FIXTURE_TODAY) {
  return checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today },
  );
}

/** The first line of the text a location covers. */
export function firstLineAt(files: Files, location: { file: string; range: Range } | undefined): string {
  assert.ok(location, "a location");
  const text = files[location.file];
  assert.ok(text !== undefined, `no file ${location.file}`);
  return text.split("\n")[location.range.start.line].slice(location.range.start.character);
}
