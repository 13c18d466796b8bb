import { stat } from "node:fs/promises";
import { checkWorkspace, type CheckResult, type LocalDate } from "../core";
import { readWorkspace } from "./read-workspace";
import { UsageError } from "./usage-error";

/**
 * Reads and checks every ISMS under `folder`. Throws {@link UsageError} when the folder cannot be
 * read or holds no ISMS root.
 */
export async function loadAndCheck(folder: string, today: LocalDate): Promise<CheckResult> {
  let info;
  try {
    info = await stat(folder);
  } catch {
    throw new UsageError(`cannot read "${folder}": no such file or folder`);
  }
  if (!info.isDirectory()) throw new UsageError(`"${folder}" is not a folder: give the folder that holds isms.yaml`);
  let files;
  try {
    files = (await readWorkspace(folder)).files;
  } catch (error) {
    throw new UsageError(`cannot read "${folder}": ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = checkWorkspace(files, { today });
  if (result.models.length === 0) throw new UsageError(`no ISMS found under "${folder}": no isms.yaml with kind: ISMS`);
  return result;
}
