import { dirname, join } from "node:path";
import { readYamlFile } from "./isms-files";

/**
 * The nearest folder at or above `dir` holding an `isms.yaml` / `isms.yml` that declares
 * `kind: ISMS`, looking at most `maxLevels` folders up; `undefined` when there is none.
 */
export async function findIsmsRootAbove(dir: string, maxLevels = 12): Promise<string | undefined> {
  let current = dir;
  for (let level = 0; level < maxLevels; level++) {
    for (const name of ["isms.yaml", "isms.yml"]) {
      const read = await readYamlFile(join(current, name));
      if (read.status === "read" && /^kind:\s*["']?ISMS["']?\s*(#.*)?$/m.test(read.text)) return current;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}
