/**
 * The language-server fuzzer: starts the bundled server (dist/server.js) over stdio on a copy of
 * examples/acme, then sends random edits (the engine fuzzer's mutations, as full-text changes) and
 * random requests (hover, completion, definition, references, symbols, code actions, code lenses,
 * inlay hints, links, the custom views). Checks that every request is answered (no error, no
 * time-out), that every range answered and every diagnostic published lies inside the text of the
 * version it is for, and that the server is still alive at the end.
 */
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LineIndex } from "../../server/src/core/text/line-index";
import { stripBom } from "../../server/src/core/text/bom";
import type { ClientCapabilities } from "vscode-languageserver-protocol";
import { FULL_CAPABILITIES, LspClient, buildServer, fileUri, removeDir } from "../lsp/lsp-client";
import { exampleFiles } from "./engine-fuzz";
import { rangeInside } from "./invariants";
import { mutate } from "./mutations";
import { Random } from "./random";

const REQUESTS = [
  "textDocument/hover",
  "textDocument/completion",
  "textDocument/definition",
  "textDocument/references",
  "textDocument/documentSymbol",
  "textDocument/codeAction",
  "textDocument/codeLens",
  "textDocument/inlayHint",
  "textDocument/documentLink",
  "textDocument/prepareRename",
] as const;

/** What VS Code supports: every capability the server uses, quick-fixes and file-creating edits included. */
const CAPABILITIES: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  textDocument: { ...FULL_CAPABILITIES.textDocument, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } }, isPreferredSupport: true } },
  workspace: { ...FULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ["create"] } },
};

/** Every `range` (or `selectionRange`, `targetRange` …) in an answer, with its document's URI when it names one. */
function rangesOf(
  value: unknown,
  uri: string | undefined,
  out: { uri: string | undefined; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[],
  depth = 0,
): void {
  if (depth > 40 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const v of value) rangesOf(v, uri, out, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  const here = typeof o.uri === "string" ? o.uri : typeof o.targetUri === "string" ? o.targetUri : uri;
  for (const [k, v] of Object.entries(o)) {
    if (/^(range|selectionRange|targetRange|targetSelectionRange)$/.test(k) && v && typeof v === "object" && "start" in v) out.push({ uri: here, range: v as never });
    else if (k === "position" && v && typeof v === "object" && "line" in v) out.push({ uri: here, range: { start: v as never, end: v as never } });
    else if (k === "changes" && v && typeof v === "object" && !Array.isArray(v)) for (const [u, edits] of Object.entries(v)) rangesOf(edits, u, out, depth + 1);
    else rangesOf(v, here, out, depth + 1);
  }
}

/**
 * Runs `steps` random edits and requests against the bundled server; returns the violations (one
 * line each). Builds dist/ first.
 */
export async function fuzzServer(options: { steps: number; seed: number; onProgress?: (done: number) => void }): Promise<string[]> {
  await buildServer();
  const random = new Random(options.seed);
  const dir = mkdtempSync(join(tmpdir(), "isms-fuzz-"));
  cpSync(join(__dirname, "..", "..", "examples", "acme"), dir, { recursive: true });
  const files = exampleFiles("acme").map((f) => ({ ...f, uri: fileUri(join(dir, f.file)), version: 1, open: false }));
  const violations: string[] = [];
  const client = await LspClient.start({ folders: [dir], capabilities: CAPABILITIES });
  try {
    for (let step = 0; step < options.steps; step++) {
      const file = random.pick(files);
      const lines = () => new LineIndex(stripBom(file.text));
      if (!file.open) {
        await client.open(file.uri, file.text, file.version);
        file.open = true;
      }
      if (random.chance(0.4)) {
        // An edit: a mutation of the text, or back to the original now and then.
        const text = random.chance(0.1) ? readFileSync(join(dir, file.file), "utf8") : mutate(file.text, random, 1).text;
        file.text = text;
        file.version = await client.change(file.uri, text);
      } else {
        const method = random.pick(REQUESTS);
        const li = lines();
        const line = random.int(li.lineCount);
        const position = { line, character: random.int(li.lineText(line).length + 2) };
        const range = { start: position, end: position };
        const params: Record<string, unknown> = { textDocument: { uri: file.uri }, position };
        if (method === "textDocument/references") params.context = { includeDeclaration: true };
        if (method === "textDocument/codeAction") Object.assign(params, { range, context: { diagnostics: client.diagnosticsOf(file.uri) } });
        if (method === "textDocument/inlayHint") params.range = { start: { line: 0, character: 0 }, end: { line: li.lineCount, character: 0 } };
        try {
          const answer = await client.request<unknown>(method, params, 60_000);
          const found: Parameters<typeof rangesOf>[2] = [];
          rangesOf(answer, file.uri, found);
          for (const r of found) {
            const target = files.find((f) => f.uri === r.uri);
            if (!target) continue;
            if (!rangeInside(r.range, new LineIndex(stripBom(target.text))))
              violations.push(`${step}: ${method} answered a range outside ${target.file} (version ${target.version}): ${JSON.stringify(r.range)}`);
          }
        } catch (error) {
          // prepareRename answers "nothing to rename here" as an error with a message for the user (LSP allows it).
          const refusedRename = method === "textDocument/prepareRename" && (error as { code?: number }).code === -32600;
          if (!refusedRename) violations.push(`${step}: ${method} at ${file.file}:${line + 1} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      // Diagnostics published for the current version must fit it.
      const published = client.diagnostics.get(file.uri);
      if (published && published.version === file.version) {
        const li = lines();
        for (const d of published.diagnostics)
          if (!rangeInside(d.range, li)) violations.push(`${step}: diagnostic ${String(d.code)} outside ${file.file} version ${file.version}: ${JSON.stringify(d.range)}`);
      }
      if (!client.alive) {
        violations.push(`${step}: the server exited: ${client.stderr.slice(-2000)}`);
        break;
      }
      if ((step + 1) % 100 === 0) options.onProgress?.(step + 1);
    }
  } finally {
    await client.shutdown().catch(() => client.kill());
    removeDir(dir);
  }
  return violations;
}
