import { stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { askedPriorTexts, checkParsed, groupByRoot, parseAll, type CheckResult, type LineHistory, type LocalDate } from "../core";
import { listExistingFiles } from "../node/existing-files";
import { filesWithHistory, gitLineHistory, gitPriorTexts, insideGitWorkTree } from "../node/git-line-history";
import { readWorkspace } from "../node/isms-files";
import { findIsmsRootAbove } from "../node/isms-root-above";
import { UsageError } from "./usage-error";

/**
 * Reads and checks every ISMS under `folder`. Throws {@link UsageError} when the folder or one of
 * its YAML files cannot be read, or when it holds no ISMS root (naming the ISMS root above it when
 * the folder is inside one, as when `isms check` runs in a subfolder of the ISMS).
 */
export async function loadAndCheck(folder: string, today: LocalDate): Promise<CheckResult> {
  let info;
  try {
    info = await stat(folder);
  } catch {
    throw new UsageError(`cannot read "${folder}": no such file or folder`);
  }
  if (!info.isDirectory()) throw new UsageError(`"${folder}" is not a folder: give the folder that holds isms.yaml`);
  let read;
  try {
    read = await readWorkspace(folder);
  } catch (error) {
    throw new UsageError(`cannot read "${folder}": ${error instanceof Error ? error.message : String(error)}`);
  }
  const [first, ...more] = read.unreadable;
  if (first) {
    // A file left out could hide any gap: the check would not be about the whole ISMS.
    throw new UsageError(`cannot read "${first.file}": ${first.reason}${more.length ? ` (and ${more.length} more file${more.length === 1 ? "" : "s"})` : ""}`);
  }
  // git blames the files that read like risk registers while they are parsed (outside a git work
  // tree there is nothing to blame, and starting git once per register would cost more than the rest).
  const git = await insideGitWorkTree(folder);
  const blames = new Map(git ? read.files.filter((f) => LOOKS_LIKE_REGISTER.test(f.text)).map((f) => [f.file, gitLineHistory(folder, f.file, f.text)]) : []);
  const parsed = parseAll(read.files);
  // Which cited evidence files exist (7.5.3): listed here under each ISMS root, looked up by the engine.
  const existingFiles = new Map<string, Set<string>>();
  for (const root of groupByRoot(parsed).roots.keys()) {
    const listed = await listExistingFiles(root === "" ? folder : join(folder, ...root.split("/")));
    if (!listed.truncated) existingFiles.set(root, listed.paths);
  }
  // When the lines of each risk register last changed (git), for approvals older than the change.
  const lineHistory = new Map<string, LineHistory>();
  await Promise.all(
    (git ? filesWithHistory(parsed) : []).map(async ({ file, text }) => {
      const history = await (blames.get(file) ?? gitLineHistory(folder, file, text));
      if (history) lineHistory.set(file, history);
    }),
  );
  let result = checkParsed(parsed, { today, existingFiles, lineHistory });
  // A treatment changed after its approval is confirmed against the plan as it was then: read
  // those earlier texts from git and check again (only when such a finding came up).
  const asked = askedPriorTexts(result.findings);
  if (asked.length > 0) {
    const priorTexts = await gitPriorTexts(folder, asked);
    if (priorTexts.size > 0) result = checkParsed(parsed, { today, existingFiles, lineHistory, priorTexts });
  }
  if (result.models.length === 0) {
    const above = await findIsmsRootAbove(resolve(folder));
    const hint = above ? `; "${folder}" is inside the ISMS of "${relative(process.cwd(), above) || "."}": run isms check ${quoteArg(relative(process.cwd(), above) || ".")}` : "";
    throw new UsageError(`no ISMS found under "${folder}": no isms.yaml with kind: ISMS${hint}`);
  }
  return result;
}

/** A file whose text reads like a risk register (the parse decides: see `filesWithHistory`). */
const LOOKS_LIKE_REGISTER = /^kind:\s*["']?RiskRegister\b/m;

/** `path` as one shell word (quoted when it holds anything but safe characters). */
function quoteArg(path: string): string {
  return /^[\w./@:+-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
