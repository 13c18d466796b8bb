import { stat } from "node:fs/promises";
import { checkWorkspace, type CheckResult, type LocalDate } from "../core";
import { readWorkspace } from "../node/isms-files";
import { UsageError } from "./usage-error";

/**
 * Reads and checks every ISMS under `folder`. Throws {@link UsageError} when the folder or one of
 * its YAML files cannot be read, or when it holds no ISMS root.
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
  if (result.models.length === 0) throw new UsageError(`no ISMS found under "${folder}": no isms.yaml with kind: ISMS`);
  return result;
}
