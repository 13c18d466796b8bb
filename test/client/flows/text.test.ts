import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { addDays, dueDateProblem, freeName, isIsoDate, setOrganization, yamlScalar } from "../../../client/src/flows/text";

const STARTER = path.resolve(__dirname, "../../../examples/starter/isms.yaml");

describe("client flows: text helpers", () => {
  it("sets the organization of the starter's isms.yaml by replacing that one line", () => {
    const text = readFileSync(STARTER, "utf8");
    const out = setOrganization(text, "Globex Corporation");
    assert.ok(out);
    const changed = out.split("\n").filter((l, i) => l !== text.split("\n")[i]);
    assert.deepEqual(changed, ["organization: Globex Corporation"]);
    assert.equal(parse(out).organization, "Globex Corporation");
  });

  it("quotes a name YAML would read differently, keeps CRLF and a trailing comment", () => {
    const text = "apiVersion: isms/v1\r\nkind: ISMS\r\norganization: Example Ltd  # change me\r\nstandard: x\r\n";
    const out = setOrganization(text, 'Smith & Sons: #1 in "YAML"');
    assert.equal(out, 'apiVersion: isms/v1\r\nkind: ISMS\r\norganization: "Smith & Sons: #1 in \\"YAML\\""  # change me\r\nstandard: x\r\n');
    assert.equal(parse(out ?? "").organization, 'Smith & Sons: #1 in "YAML"');
    for (const name of ["yes", "2026", "1e3", "- dash", "@home", "null", "2026-01-01 Ltd", "a: b", "trailing "]) {
      assert.equal(parse(`organization: ${yamlScalar(name.trim())}`).organization, name.trim(), name);
    }
    assert.equal(yamlScalar("Acme Cloud Ltd"), "Acme Cloud Ltd");
  });

  it("leaves a text without an organization line alone", () => {
    assert.equal(setOrganization("kind: ISMS\n  organization: nested\n", "X"), undefined);
  });

  it("validates due dates as real calendar dates", () => {
    assert.equal(isIsoDate("2028-02-29"), true);
    assert.equal(isIsoDate("2027-02-29"), false);
    assert.equal(isIsoDate("2027-2-1"), false);
    assert.equal(dueDateProblem(""), undefined);
    assert.equal(dueDateProblem("2027-03-31"), undefined);
    assert.match(dueDateProblem("31/03/2027") ?? "", /YYYY-MM-DD/);
    assert.match(dueDateProblem("2027-04-31") ?? "", /not a date of the calendar/);
    assert.equal(addDays("2026-11-30", 30), "2026-12-30");
    assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  });

  it("picks a free folder name", () => {
    assert.equal(freeName("acme-isms", new Set()), "acme-isms");
    assert.equal(freeName("acme-isms", new Set(["acme-isms", "acme-isms-2"])), "acme-isms-3");
  });
});
