import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO } from "../cli/cli-helpers";
// @ts-expect-error: a plain ES module script without types
import { manifestProblems } from "../../scripts/publish-ovsx.mjs";

interface View {
  id: string;
  when?: string;
}

const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as {
  activationEvents: string[];
  capabilities: {
    untrustedWorkspaces: { supported: boolean | "limited"; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces: { supported: boolean | "limited"; description?: string };
  };
  contributes: {
    configuration: { properties: Record<string, { scope?: string }> };
    views: Record<string, View[]>;
    yamlValidation: { fileMatch: string[]; url: string }[];
  };
  scripts: Record<string, string>;
  homepage?: string;
  bugs?: { url: string };
  galleryBanner?: { color: string; theme: string };
};

/** The VS Code manifest, as the best-kept extensions write theirs. */
describe("the extension manifest (package.json)", () => {
  it("activates only in a workspace with an isms.yaml (or on its commands), never on every YAML file", () => {
    assert.deepEqual(manifest.activationEvents.sort(), ["workspaceContains:**/isms.yaml", "workspaceContains:**/isms.yml"]);
  });

  it("hides the ISMS views (and so their container) until an ISMS is found", () => {
    for (const view of manifest.contributes.views.isms) {
      assert.equal(view.when, "isms.views.state == loading || isms.views.state == ready", view.id);
    }
  });

  it("says what Restricted Mode and virtual workspaces limit", () => {
    const { untrustedWorkspaces, virtualWorkspaces } = manifest.capabilities;
    assert.equal(untrustedWorkspaces.supported, "limited");
    assert.deepEqual(untrustedWorkspaces.restrictedConfigurations?.sort(), ["isms.rules", "isms.today"]);
    assert.ok(untrustedWorkspaces.description);
    assert.equal(virtualWorkspaces.supported, false);
    assert.ok(virtualWorkspaces.description);
  });

  it("lets each workspace folder set isms.today and isms.rules", () => {
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties["isms.today"].scope, "resource");
    assert.equal(properties["isms.rules"].scope, "resource");
  });

  it("gives the YAML extension one schema that dispatches on kind", () => {
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ["isms.yaml", "isms.yml"], url: "./schemas/isms-document.schema.json" }]);
    assert.ok(existsSync(path.join(REPO, "schemas", "isms-document.schema.json")));
  });

  it("builds before publishing and is ready for the Marketplace and Open VSX", () => {
    assert.match(manifest.scripts["vscode:prepublish"], /esbuild\.mjs --production/);
    assert.match(manifest.homepage ?? "", /^https:\/\//);
    assert.match(manifest.bugs?.url ?? "", /^https:\/\/.*\/issues$/);
    assert.ok(manifest.galleryBanner?.color && manifest.galleryBanner.theme);
    assert.deepEqual(manifestProblems(manifest), []);
    assert.deepEqual(manifestProblems({ ...manifest, activationEvents: ["*"], version: "1.0", private: true }).length, 3);
  });
});
