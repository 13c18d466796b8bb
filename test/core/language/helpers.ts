import * as assert from "node:assert/strict";
import { checkWorkspace, type IsmsModel, type ParsedFile, type Position } from "../../../server/src/core";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../../helpers/minimal-isms";

/** The cursor marker in test texts: removed, and its place becomes the position. */
export const CURSOR = "‸";

/** A checked workspace: the model of its root and its parsed files. */
export interface Workspace {
  model: IsmsModel;
  models: IsmsModel[];
  files: ParsedFile[];
  parsed(file: string): ParsedFile;
}

/** Checks `files` (default: the minimal ISMS) and returns the model and parsed files. */
export function workspace(files: Files = minimalIsms()): Workspace {
  const result = checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  );
  assert.ok(result.models.length > 0, "the fixture has an ISMS root");
  return {
    model: result.models[0],
    models: result.models,
    files: result.files,
    parsed(file: string) {
      const parsed = result.files.find((f) => f.file === file);
      assert.ok(parsed, `no parsed file ${file}`);
      return parsed;
    },
  };
}

/** The position of the `nth` occurrence of `marker` in a parsed file, plus `offset` characters. */
export function positionOf(parsed: ParsedFile, marker: string, offset = 0, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = parsed.text.indexOf(marker, index + 1);
    assert.ok(index >= 0, `${parsed.file} does not contain ${JSON.stringify(marker)} (occurrence ${nth + 1})`);
  }
  return parsed.lines.positionAt(index + offset);
}

/**
 * Replaces `search` in `file` of the minimal ISMS by `replacement` holding the {@link CURSOR},
 * checks the result and returns the workspace with the cursor position in that file.
 */
export function withCursor(file: string, search: string | RegExp, replacement: string, files: Files = minimalIsms()): Workspace & { file: ParsedFile; cursor: Position } {
  const text = files[file];
  assert.ok(text !== undefined, `fixture has no file ${file}`);
  assert.ok(typeof search === "string" ? text.includes(search) : search.test(text), `fixture ${file} does not contain ${String(search)}`);
  const edited = text.replace(search, replacement);
  const offset = edited.indexOf(CURSOR);
  assert.ok(offset >= 0, "the replacement holds the cursor marker");
  const ws = workspace({ ...files, [file]: edited.replace(CURSOR, "") });
  const parsed = ws.parsed(file);
  return { ...ws, file: parsed, cursor: parsed.lines.positionAt(offset) };
}

/** The text a range covers. */
export function textAt(parsed: ParsedFile, range: { start: Position; end: Position }): string {
  return parsed.text.slice(parsed.lines.offsetAt(range.start), parsed.lines.offsetAt(range.end));
}

/** The Markdown of a hover. */
export function markdownOf(hover: { contents: unknown } | undefined): string {
  assert.ok(hover, "expected a hover");
  const c = hover.contents as { value?: string };
  assert.equal(typeof c.value, "string");
  return c.value as string;
}
