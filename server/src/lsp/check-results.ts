import { compareGroups, type Group, type GroupCheck, type ModelChangeEvent } from "./group-check";

/**
 * The last check of each group, and which group last published each file: what the features read
 * between runs. A run commits its results here; files that end up in no group are reported in the
 * run's event so that what they showed is cleared.
 */
export class CheckResults {
  /** The last check of each group, with the keys of its files. */
  private readonly committed = new Map<string, GroupCheck & { keys: Set<string> }>();
  /** The group that last published each file. */
  private readonly fileGroup = new Map<string, string>();

  /** The last check of the group a file belongs to. */
  groupOf(key: string): GroupCheck | undefined {
    const id = this.fileGroup.get(key);
    return id === undefined ? undefined : this.committed.get(id);
  }

  /** The keys of the files of a group as last checked; `undefined` when never checked. */
  keysOf(id: string): ReadonlySet<string> | undefined {
    return this.committed.get(id)?.keys;
  }

  /** The last check of every group, roots first, by root. */
  all(): GroupCheck[] {
    return [...this.committed.values()].sort(compareGroups);
  }

  /**
   * Forgets the groups not in `groups` (adding them to `event.removed`); their files that are in
   * no group now (`groupOfKey`) go to `event.droppedFiles`. Returns the ids forgotten.
   */
  dropMissing(groups: ReadonlyMap<string, Group>, groupOfKey: ReadonlyMap<string, string>, event: ModelChangeEvent): string[] {
    const dropped: string[] = [];
    for (const [id, old] of this.committed) {
      if (groups.has(id)) continue;
      this.committed.delete(id);
      dropped.push(id);
      event.removed.push(old);
      for (const key of old.keys) {
        if (this.fileGroup.get(key) !== id) continue;
        this.fileGroup.delete(key);
        if (!groupOfKey.has(key)) event.droppedFiles.push(key);
      }
    }
    return dropped;
  }

  /** Keeps `check` as the result of `group`; files it no longer holds and that are in no group go to `event.droppedFiles`. */
  commit(group: Group, check: GroupCheck, groupOfKey: ReadonlyMap<string, string>, event: ModelChangeEvent): void {
    const old = this.committed.get(group.id);
    if (old) {
      for (const key of old.keys) {
        if (group.keys.has(key) || this.fileGroup.get(key) !== group.id) continue;
        this.fileGroup.delete(key);
        if (!groupOfKey.has(key)) event.droppedFiles.push(key);
      }
    }
    for (const key of group.keys) this.fileGroup.set(key, group.id);
    this.committed.set(group.id, { ...check, keys: group.keys });
    event.changed.push(check);
  }

  /** The previous result of a group (kept when its new check fails). */
  previous(id: string): GroupCheck | undefined {
    return this.committed.get(id);
  }
}
