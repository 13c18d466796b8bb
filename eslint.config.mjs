import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", ".tools/", ".e2e/", "test/fixtures/", "examples/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["server/src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["vscode", "vscode-languageserver", "fs", "node:fs", "process", "node:process", "path", "node:path"],
          patterns: ["vscode-languageserver/*", "fs/*", "node:fs/*"],
        },
      ],
      "no-restricted-globals": ["error", "process"],
    },
  },
  {
    // The protocol is bundled into the client too: values only from vscode-languageserver-protocol,
    // the engine's shapes as types only (erased from the bundle).
    files: ["server/src/protocol.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: ["vscode", "vscode-languageserver"],
          patterns: [{ group: ["./*", "../*"], allowTypeImports: true, message: "The protocol imports the engine's types only (import type)." }],
        },
      ],
    },
  },
  {
    // The client reaches the server's code through the protocol only.
    files: ["client/src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/server/src/*", "**/server/src/**"], message: "Import the protocol as @protocol; the client runs no server code." }] }],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js", "**/*.cjs"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        URL: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
