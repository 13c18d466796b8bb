import { watch, type FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { inSkippedFolder } from "./isms-files";

/** A change on disk, typed as LSP's `FileChangeType`: 1 created (a folder), 2 changed or created (a file), 3 deleted. */
export interface DiskChange {
  path: string;
  type: 1 | 2 | 3;
}

/** A folder to watch: below it (`recursive`, for an ISMS root) or only its own entries (a workspace folder). */
export interface WatchedFolder {
  path: string;
  recursive: boolean;
}

/**
 * Watches folders with Node's `fs.watch` for a language client that cannot watch files for the
 * server (no dynamic registration of `workspace/didChangeWatchedFiles`, e.g. Neovim 0.7 to 0.9).
 * Events are collected for `debounceMs` (default 100 ms), then
 * each path is looked at once: a folder is reported created, a file changed, a missing path
 * deleted. Paths inside `.git`, `node_modules` and other skipped folders are ignored. A folder that
 * cannot be watched (gone, no permission, no inotify watches left) is passed to `onProblem` and
 * left out.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChanges: (changes: DiskChange[]) => void,
    private readonly onProblem: (path: string, reason: string) => void,
    private readonly debounceMs = 100,
  ) {}

  /** Watches exactly `folders` from now on: new ones are added, those no longer given closed. */
  watch(folders: readonly WatchedFolder[]): void {
    const wanted = new Map(folders.map((f) => [`${f.recursive ? "r" : "n"}:${f.path}`, f]));
    for (const [id, watcher] of this.watchers) {
      if (!wanted.has(id)) {
        watcher.close();
        this.watchers.delete(id);
      }
    }
    for (const [id, folder] of wanted) {
      if (this.watchers.has(id)) continue;
      try {
        const watcher = watch(folder.path, { recursive: folder.recursive, persistent: false }, (_event, name) => this.changed(folder.path, name));
        watcher.on("error", (error) => {
          this.onProblem(folder.path, error.message);
          watcher.close();
          this.watchers.delete(id);
        });
        this.watchers.set(id, watcher);
      } catch (error) {
        this.onProblem(folder.path, error instanceof Error ? error.message : String(error));
      }
    }
  }

  /** The folders watched now (for tests and logs). */
  watched(): string[] {
    return [...this.watchers.keys()].map((id) => id.slice(2));
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    if (this.timer) clearTimeout(this.timer);
    this.pending.clear();
  }

  private changed(folder: string, name: string | Buffer | null): void {
    if (name === null) return;
    const relative = name.toString();
    if (inSkippedFolder(relative)) return;
    this.pending.add(join(folder, relative));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const paths = [...this.pending];
    this.pending.clear();
    const changes = await Promise.all(
      paths.map(async (path): Promise<DiskChange> => {
        const info = await stat(path).catch(() => undefined);
        return { path, type: info === undefined ? 3 : info.isDirectory() ? 1 : 2 };
      }),
    );
    if (changes.length) this.onChanges(changes);
  }
}
