import { isMap, isScalar, type YAMLMap } from "yaml";
import { list, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the climate change determinations the ISMS lacks. */
const data = shape({ missing: list(text) });
export type ClimateChangeData = DataOf<typeof data>;

/** `context/climate-change`: no determination of whether climate change is a relevant issue. */
export const rule: Rule<ClimateChangeData> = {
  id: "context/climate-change",
  severity: "warning",
  clause: "4.1",
  reads: ["documents", "definitions", "files"],
  description: "The context does not record whether climate change is a relevant issue (context.climate_change with relevant and rationale), as required since Amd 1:2024.",
  docs: `Checks that \`context.climate_change\` in \`isms.yaml\` records \`relevant: true|false\` and a
\`rationale\`.

ISO/IEC 27001:2022/Amd 1:2024 added to 4.1: "The organization shall determine whether climate
change is a relevant issue." Certification bodies audit against the amended text: they expect a
recorded determination, with its reasoning, whether the answer is yes or no.

**Fix:** add \`climate_change: { relevant: false, rationale: … }\` under \`context\` (or
\`relevant: true\` with how it is addressed, e.g. data-centre flooding in the risk register).`,
  data,
  check({ model, report }) {
    const isms = model.isms;
    if (!isms) return;
    const climate = isms.climateChange;
    const missing: string[] = [];
    if (!climate?.relevant) missing.push("relevant");
    if (!climate?.rationale) missing.push("rationale");
    if (missing.length === 0) return;

    const lines = model.files.find((f) => f.file === isms.file)?.lines;
    const keyRange = (map: YAMLMap | undefined, key: string) => {
      const pair = map?.items.find((p) => isScalar(p.key) && p.key.value === key);
      const k = pair && isScalar(pair.key) ? pair.key : undefined;
      return k?.range && lines ? lines.rangeOf(k.range[0], k.range[1]) : undefined;
    };
    const context = isms.node.get("context", true);
    const contextMap = isMap(context) ? context : undefined;
    const range = keyRange(contextMap, "climate_change") ?? keyRange(isms.node, "context") ?? model.documents.find((d) => d.kind === "ISMS" && d.file === isms.file)?.kindRange ?? isms.range;
    const message = climate
      ? `context.climate_change has no ${missing.join(" and no ")}: record relevant: true|false and the rationale for that determination (4.1, Amd 1:2024).`
      : "The context does not record whether climate change is a relevant issue: add context.climate_change: { relevant: true|false, rationale: … } (4.1, Amd 1:2024).";
    report({ file: isms.file, range, message, data: { missing } });
  },
};
