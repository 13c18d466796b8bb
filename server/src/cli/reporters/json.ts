import type { Reporter } from "./reporter";

/**
 * Machine-readable output, format version 1:
 * `{"version":1,"today","findings":[{rule,severity,message,file,range}],"summary":{errors,warnings,infos,files}}`
 * with 0-based LSP ranges and files relative to the checked folder.
 */
export const jsonReporter: Reporter = ({ result, summary, today }) =>
  JSON.stringify(
    {
      version: 1,
      today,
      findings: result.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        file: f.file,
        range: f.range,
        ...(f.related?.length ? { related: f.related } : {}),
      })),
      summary,
    },
    null,
    2,
  ) + "\n";
