import * as assert from "node:assert/strict";
import { checkWorkspace } from "../../server/src/core";
import { FIXTURE_TODAY, minimalIsms, type Files } from "../helpers/minimal-isms";

function check(files: Files): void {
  checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { today: FIXTURE_TODAY },
  );
}

describe("bad input (stress)", () => {
  it("never throws on arbitrary prefixes of every fixture file", () => {
    const base = minimalIsms();
    for (const [file, text] of Object.entries(base)) {
      for (let cut = 0; cut < text.length; cut += Math.ceil(text.length / 12)) {
        assert.doesNotThrow(() => check({ ...base, [file]: text.slice(0, cut) }), `${file} cut at ${cut}`);
      }
    }
  });
});
