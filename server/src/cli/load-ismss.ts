import { stat } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { checkWorkspace, type CheckResult, type LocalDate } from "../core";
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
  const files = read.files;
  const result = checkWorkspace(files, { today });
  if (result.models.length === 0) {
    const above = await findIsmsRootAbove(resolve(folder));
    const hint = above ? `; "${folder}" is inside the ISMS of "${relative(process.cwd(), above) || "."}": run isms check ${quoteArg(relative(process.cwd(), above) || ".")}` : "";
    throw new UsageError(`no ISMS found under "${folder}": no isms.yaml with kind: ISMS${hint}`);
  }
  return result;
}

/** `path` as one shell word (quoted when it holds anything but safe characters). */
function quoteArg(path: string): string {
  return /^[\w./@:+-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
