import assert from "node:assert/strict";
import { boundedClosestIds, closestIds } from "../../../server/src/core/text/closest";

describe("closest ids", function () {
  it("suggests the plausible typos of an id, best first", function () {
    assert.deepEqual(closestIds("RISK-0O1", ["RISK-001", "RISK-010", "ASSET-001", "RISK-001"]), ["RISK-001", "RISK-010"]);
    assert.deepEqual(closestIds("R-1", ["SUPPLIER-XYZ"]), []);
  });

  it("bounded: reads each candidate list once, looks each distinct id up once, and stops suggesting past the bound", function () {
    let scans = 0;
    const closest = boundedClosestIds(3);
    const risks = () => (scans++, ["RISK-001", "RISK-002"]);
    assert.deepEqual(closest("RISK-00l", "risk", risks), ["RISK-001", "RISK-002"]);
    assert.deepEqual(closest("RISK-00l", "risk", risks), ["RISK-001", "RISK-002"]);
    assert.equal(scans, 1, "a repeated unknown id reuses its lookup");
    assert.deepEqual(
      closest("RISK-00l", "asset", () => (scans++, ["ASSET-001"])),
      [],
    );
    assert.equal(scans, 2, "another candidate list is another lookup");
    assert.deepEqual(closest("RISK-0O2", "risk", risks), ["RISK-002", "RISK-001"]);
    assert.equal(scans, 2, "a list already read is not read again");
    assert.deepEqual(closest("RISK-0002", "risk", risks), [], "past the bound: no candidates");
    assert.equal(scans, 2, "past the bound the candidates are not scanned");
  });
});
