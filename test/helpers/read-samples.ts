/**
 * ISMSs to observe rules on (see `read-tracker.ts`): the examples, the minimal ISMS, a generated
 * ISMS with defects of most rules, and fuzz cases (the examples mutated). Each as the parsed files
 * of one root.
 */
import { groupByRoot, parseAll, parseFile, type ParsedFile } from "../../server/src/core";
import { exampleFiles, makeCase } from "../fuzz/engine-fuzz";
import { generateIsms, scaledCounts } from "../../scripts/generate-isms";
import { minimalIsms } from "./minimal-isms";

/** A named set of parsed files. */
export interface ReadSample {
  name: string;
  files: ParsedFile[];
}

/** The samples: `fuzzCases` fuzz cases of seed 7 from case 0. */
export function readSamples(fuzzCases: number): ReadSample[] {
  const samples: ReadSample[] = [
    { name: "acme", files: parseAll(exampleFiles("acme")) },
    { name: "starter", files: parseAll(exampleFiles("starter")) },
    { name: "minimal", files: Object.entries(minimalIsms()).map(([file, text]) => parseFile(file, text)) },
    { name: "generated", files: [...generateIsms(scaledCounts(0.1))].map(([file, text]) => parseFile(file, text)) },
  ];
  for (let i = 0; i < fuzzCases; i++) {
    const parsed = parseAll(makeCase(7, i).files);
    const { roots } = groupByRoot(parsed);
    for (const [root, files] of roots) samples.push({ name: `fuzz case ${i} root "${root}"`, files });
  }
  return samples;
}
