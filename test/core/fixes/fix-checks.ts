import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { CheckResult, Finding } from "../../../server/src/core";
import { codeActionsFor, type QuickFix } from "../../../server/src/core/fixes";
import { FIXTURE_TODAY, type Files } from "../../helpers/minimal-isms";

/** The bundled example ISMSs (`examples/`). */
export const EXAMPLES = path.resolve(__dirname, "../../../examples");

export { checkResult as check } from "../../helpers/annotations";

/** The quick-fixes offered for `finding` of `result`. */
export function fixesOf(result: CheckResult, finding: Finding, today = FIXTURE_TODAY): QuickFix[] {
  const model = result.models.find((m) => m.files.some((f) => f.file === finding.file))!;
  return codeActionsFor(finding, { model, files: (key) => result.files.find((f) => f.file === key), today });
}

/** Every YAML file under a folder, by key relative to `base`. */
export function readYaml(dir: string, base: string): Files {
  const out: Files = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, readYaml(full, base));
    else if (/\.ya?ml$/.test(name)) out[path.relative(base, full).split(path.sep).join("/")] = readFileSync(full, "utf8");
  }
  return out;
}
