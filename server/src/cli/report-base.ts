import { existsSync } from "node:fs";
import nodePath from "node:path";
import type { CheckResult, Finding } from "../core";
import { UsageError } from "./usage-error";

/** The folder that report paths are relative to, and how it was chosen. */
export interface ReportBase {
  /** Absolute path of the base folder (the repository root, `--root`, or the checked folder). */
  folder: string;
  /** '/'-separated path of the checked folder below {@link folder}; "" when they are the same. */
  prefix: string;
  source: "root-option" | "git" | "checked-folder";
}

/** The `path` functions this module needs: `node:path` itself, or `path.win32` in tests. */
type PathApi = Pick<typeof nodePath, "resolve" | "relative" | "dirname" | "join" | "isAbsolute" | "sep">;

/**
 * The folder that SARIF, JUnit, GitHub and GitLab paths are relative to, as code-scanning and CI
 * dashboards expect: `--root` when given, else the top level of the git repository holding the
 * checked folder (the nearest folder above with a `.git` folder or file), else the checked folder
 * itself. Throws {@link UsageError} when `--root` does not contain the checked folder (or is on
 * another drive).
 *
 * @param checked  the folder given to `isms check`, as given
 * @param root     the `--root` option, as given
 * @param isRepository  whether a folder is a git top level (default: it holds `.git`)
 */
export function reportBase(
  checked: string,
  root: string | undefined,
  path: PathApi = nodePath,
  isRepository: (folder: string) => boolean = (folder) => existsSync(path.join(folder, ".git")),
): ReportBase {
  const checkedAbs = path.resolve(checked);
  if (root !== undefined) {
    const folder = path.resolve(root);
    return { folder, prefix: prefixOf(folder, checkedAbs, path, `--root "${root}" does not contain the checked folder "${checked}"`), source: "root-option" };
  }
  for (let folder = checkedAbs; ; folder = path.dirname(folder)) {
    if (isRepository(folder)) return { folder, prefix: prefixOf(folder, checkedAbs, path, ""), source: "git" };
    if (path.dirname(folder) === folder) break;
  }
  return { folder: checkedAbs, prefix: "", source: "checked-folder" };
}

function prefixOf(base: string, checked: string, path: PathApi, outside: string): string {
  const relative = path.relative(base, checked);
  if (relative === "") return "";
  if (path.isAbsolute(relative) || relative === ".." || relative.startsWith(`..${path.sep}`)) throw new UsageError(outside);
  return relative.split(path.sep).join("/");
}

/**
 * The check result with every file key (findings, related locations, files) prefixed by
 * `prefix`, so that keys relative to the checked folder become relative to the report base.
 */
export function rebaseResult(result: CheckResult, prefix: string): CheckResult {
  if (prefix === "") return result;
  const rebase = (file: string) => `${prefix}/${file}`;
  const finding = (f: Finding): Finding => ({ ...f, file: rebase(f.file), ...(f.related ? { related: f.related.map((r) => ({ ...r, file: rebase(r.file) })) } : {}) });
  return { ...result, findings: result.findings.map(finding), files: result.files.map((f) => ({ ...f, file: rebase(f.file) })) };
}
