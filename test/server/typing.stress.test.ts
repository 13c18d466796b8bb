import * as assert from "node:assert/strict";
import type { CheckWorkspaceResult } from "../../server/src/protocol";
import { minimalIsms } from "../helpers/minimal-isms";
import { useServerSuite } from "./lsp-client";

const LAST_GOOD = "Cross-file checks use the last version of this file that parsed";

describe("language server: typing every prefix (stress)", () => {
  const server = useServerSuite();
  const workspace = () => server.workspace(minimalIsms());
  const start = (folders: string[], options: { initializationOptions?: unknown } = {}) => server.start({ folders, ...options });

  it("survives every prefix of every fixture file typed into an open document", async function () {
    const ws = workspace();
    const c = await start([ws.dir], { initializationOptions: { debounceMs: 0 } });
    await c.waitForNotification("isms/modelChanged");
    for (const [path, text] of Object.entries(minimalIsms())) {
      const uri = ws.uri(path);
      await c.open(uri, "");
      // Every 40th prefix (the long SoA repeats one entry 93 times: its first 2000 characters, then every 1000th).
      for (let end = 1; end < text.length; end += end < 2000 ? 40 : 1000) {
        await c.change(uri, text.slice(0, end));
        await c.request("isms/ping").catch(() => undefined); // a round trip, so the server works on most prefixes
        assert.ok(c.alive, `server alive after ${path}[0..${end}]`);
      }
      await c.change(uri, text);
      await c.close(uri);
    }
    const result = await c.request<CheckWorkspaceResult>("isms/checkWorkspace", {});
    assert.equal(result.roots.length, 1);
    assert.ok(c.alive);
    for (const path of Object.keys(minimalIsms())) {
      const shown = c.diagnosticsOf(ws.uri(path));
      assert.deepEqual(
        shown.filter((d) => d.code === "yaml/syntax" || d.code === "ref/unresolved" || d.message.startsWith(LAST_GOOD)),
        [],
        `${path} is back to its clean disk version`,
      );
    }
    assert.deepEqual(
      c.logs.filter((l) => /failed|Unhandled|Uncaught/.test(l)),
      [],
      "no handler failed",
    );
    assert.ok(c.logs.length <= 3, `no log flood:\n${c.logs.join("\n")}`);
  });
});
