/** `withoutAbsenceOfInvalid`: a "missing" finding about a field that is present but invalid is dropped, decided again when its file's invalid fields change. */
import assert from "node:assert/strict";
import type { Finding } from "../../../server/src/core/findings";
import { withoutAbsenceOfInvalid, type InvalidFieldIn } from "../../../server/src/core/model/invalid-fields";

const range = (line: number, endLine = line) => ({ start: { line, character: 2 }, end: { line: endLine, character: 0 } });

function missing(file: string, line: number, fields: string[]): Finding {
  return { rule: "action/incomplete", severity: "warning", file, range: range(line), message: `missing ${fields.join(", ")}`, data: { missing: fields } };
}

describe("absence of invalid fields", () => {
  it("drops a finding only when every field it names is invalid in a mapping holding it, and decides again when its file's fields are a new array", () => {
    const due = missing("actions.yaml", 4, ["due"]);
    const dueAndOwner = missing("actions.yaml", 4, ["due", "owner"]);
    const elsewhere = missing("actions.yaml", 20, ["approved.due"]);
    const other = missing("plan.yaml", 4, ["due"]);
    const notMissing: Finding = { ...due, data: { id: "A-1" } };
    const findings = [due, dueAndOwner, elsewhere, other, notMissing];
    const invalid: InvalidFieldIn[] = [
      { file: "actions.yaml", key: "due", container: range(3, 8) },
      { file: "actions.yaml", key: "due", container: range(18, 22) },
    ];
    assert.deepEqual(withoutAbsenceOfInvalid(findings, [invalid]), [dueAndOwner, other, notMissing]);
    // The same finding objects against a new array of the file's fields (the file was edited: due is valid now).
    const edited: InvalidFieldIn[] = [{ file: "actions.yaml", key: "owner", container: range(3, 8) }];
    assert.deepEqual(withoutAbsenceOfInvalid(findings, [edited]), findings);
    // Several files in one chunk are told apart by file.
    const mixed: InvalidFieldIn[] = [...invalid, { file: "plan.yaml", key: "due", container: range(0, 9) }];
    assert.deepEqual(withoutAbsenceOfInvalid(findings, [mixed]), [dueAndOwner, notMissing]);
    assert.deepEqual(withoutAbsenceOfInvalid(findings, [invalid, [{ file: "plan.yaml", key: "due", container: range(0, 9) }]]), [dueAndOwner, notMissing]);
  });
});
