import { MarkupKind, type Hover } from "vscode-languageserver-types";
import type { LocalDate } from "../dates";
import type { IsmsModel } from "../model/isms-model";
import { RECORD_KIND_LABEL } from "../model/types";
import type { ParsedFile } from "../parse/parsed-file";
import { ruleById } from "../rules/registry";
import type { Position } from "../text/range";
import { describeControl, describeRecord } from "./describe";
import { oneLine } from "./records";
import { RATING_FIELDS, scaleOf } from "./scales";
import { descriptionOf, enumOf, kindSchema, schemaAt, typeOf } from "./schema-walk";
import { symbolAt, type KeySymbol, type ValueSymbol } from "./symbol-at";
import { fieldPattern, lastKey } from "./yaml-path";

/** Options shared by the editor features. */
export interface LanguageOptions {
  /** Today as a local calendar date, for "overdue" and "due in" facts. */
  today?: LocalDate;
}

/**
 * The hover at `position`: for a control id (in any field) its title, theme, SoA entry and the
 * risks and requirements that trace to it; for an id or a reference, a summary of the record;
 * for a key, its schema description; for an enum value, what the value means. Markdown.
 * Never throws; `undefined` when there is nothing to say.
 */
export function hover(model: IsmsModel | undefined, parsed: ParsedFile, position: Position, options: LanguageOptions = {}): Hover | undefined {
  try {
    const symbol = symbolAt(model, parsed, position);
    if (!symbol) return undefined;
    let markdown: string | undefined;
    switch (symbol.type) {
      case "control":
        markdown = describeControl(model, symbol.control.id, symbol.control.theme);
        break;
      case "record":
        if (model && symbol.record.recordKind === "control" && symbol.record.id) markdown = describeControl(model, symbol.record.id.value);
        else markdown = model ? describeRecord(model, symbol.record, options.today) : undefined;
        break;
      case "reference": {
        const ref = symbol.reference;
        const target = ref.resolved ?? model?.index.resolve(ref);
        if (target && model) markdown = describeRecord(model, target, options.today);
        else markdown = `\`${ref.id}\` does not name any ${ref.targets.map((k) => RECORD_KIND_LABEL[k]).join(", ")} of this ISMS.`;
        break;
      }
      case "key":
        markdown = keyHover(symbol);
        break;
      case "value":
        markdown = valueHover(model, symbol);
        break;
    }
    return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown }, range: symbol.range } : undefined;
  } catch {
    return undefined;
  }
}

function keyHover(symbol: KeySymbol): string | undefined {
  if (symbol.kind === "ISMS" && symbol.path.length === 2 && symbol.path[0] === "rules") {
    const rule = ruleById(symbol.key);
    if (rule) return [`**${rule.id}** *(default: ${rule.severity}; ISO/IEC 27001:2022 ${rule.clause})*`, rule.description, rule.docs].join("\n\n");
  }
  const schema = schemaAt(symbol.kind, symbol.path);
  const description = descriptionOf(schema);
  if (!description) return undefined;
  const type = typeOf(schema);
  const values = enumOf(schema);
  const lines = [`**${symbol.key}**${type ? ` *(${type})*` : ""}`, description];
  if (values.length) lines.push(`Values: ${values.map((v) => `\`${v.value}\``).join(", ")}`);
  return lines.join("\n\n");
}

function valueHover(model: IsmsModel | undefined, symbol: ValueSymbol): string | undefined {
  const key = lastKey(symbol.path);
  if (symbol.path.length === 1 && key === "kind") {
    const schema = kindSchema(symbol.value);
    if (!schema) return undefined;
    return [`**${symbol.value}** — ${String(schema.title ?? "")}`, descriptionOf(schema)].filter(Boolean).join("\n\n");
  }
  const schema = schemaAt(symbol.kind, symbol.path);
  const values = enumOf(schema);
  const hit = values.find((v) => v.value === symbol.value);
  if (hit) {
    return [`**${hit.value}**${hit.description ? `: ${hit.description}` : ""}`, descriptionOf(schema) ? `*${key}*: ${descriptionOf(schema)}` : undefined].filter(Boolean).join("\n\n");
  }
  if (symbol.kind === "RiskRegister" && (key === "likelihood" || key === "impact") && RATING_FIELDS.has(fieldPattern(symbol.path))) {
    const level = scaleOf(model, key).find((l) => String(l.level) === symbol.value);
    if (!level) return model?.methodology ? `**${symbol.value}** is not a level of the methodology's ${key} scale.` : undefined;
    return [`**${key} ${level.level}${level.label ? ` — ${level.label}` : ""}**`, level.criteria ? oneLine(level.criteria, 400) : undefined].filter(Boolean).join("\n\n");
  }
  return undefined;
}
