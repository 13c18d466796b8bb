/**
 * ISMSs to observe rules on (see `read-tracker.ts`): the examples, the minimal ISMS, a generated
 * ISMS with defects of most rules, and fuzz cases (the examples mutated). Each as the parsed files
 * of one root.
 */
import { groupByRoot, parseAll, parseFile, type ParsedFile, type SourceFile } from "../../server/src/core";
import { exampleFiles, makeCase } from "../fuzz/engine-fuzz";
import { generateIsms, scaledCounts } from "../../scripts/generate-isms";
import { minimalIsms } from "./minimal-isms";

/**
 * A file whose top-level list (items at indent 2) has two or more items as two files, each with
 * the lines before the first item and half of the items, so that records of one list lie in two
 * files (what a rule checking records file by file must not notice). Other files as they are.
 */
function splitInTwo(file: SourceFile): SourceFile[] {
  if (/^kind: ISMS\s*$/m.test(file.text)) return [file];
  const lines = file.text.split("\n");
  const items = lines.flatMap((line, i) => (/^ {2}- /.test(line) ? [i] : []));
  if (items.length < 2) return [file];
  const cut = items[Math.floor(items.length / 2)];
  const header = lines.slice(0, items[0]);
  return [
    { file: file.file, text: lines.slice(0, cut).join("\n") + "\n" },
    { file: file.file.replace(/\.ya?ml$/, "-2.yaml"), text: [...header, ...lines.slice(cut)].join("\n") },
  ];
}

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
  for (const name of ["acme", "starter"] as const) {
    samples.push({ name: `${name} with each register split in two files`, files: parseAll(exampleFiles(name).flatMap(splitInTwo)) });
  }
  for (let i = 0; i < fuzzCases; i++) {
    const parsed = parseAll(makeCase(7, i).files);
    const { roots } = groupByRoot(parsed);
    for (const [root, files] of roots) samples.push({ name: `fuzz case ${i} root "${root}"`, files });
  }
  return samples;
}
