/**
 * What a rule reads of a model, observed: the model is wrapped in proxies that note, for every
 * property read of a record but its `recordKind`, the list the record belongs to (its "home"),
 * every top-level list read, every `index` lookup by kind, and the check inputs (`today`, `existingFiles`, `lineHistory`, `priorTexts`) the rule touches.
 * Tests compare it with the rule's declared `reads` (slow: for tests only).
 */
import { LIST_OF_KIND, MERGED_LISTS, type ModelList } from "../../server/src/core/model/model-lists";
import type { IsmsModel } from "../../server/src/core/model/isms-model";
import type { RecordKind, Reference } from "../../server/src/core/model/types";
import type { RulePart } from "../../server/src/core/rules/reads";
import type { Rule, RuleContext } from "../../server/src/core/rules/rule";
import type { FindingInput } from "../../server/src/core/findings";

const LISTS: readonly ModelList[] = [...MERGED_LISTS, "files"];
/** Lists whose items are shared by records (a risk's `owner` is also in `references`): reading them through a record is not reading the list. */
const NO_HOME: ReadonlySet<ModelList> = new Set(["references", "controlReferences"]);

/** The parts `rule` read while checking `model`, and what it reported. */
export function observeReads(rule: Rule, model: IsmsModel, inputs: Omit<RuleContext, "model" | "report">): { reads: Set<RulePart>; reports: FindingInput[] } {
  const reads = new Set<RulePart>();
  const home = new Map<object, ModelList>();
  for (const list of LISTS) {
    if (NO_HOME.has(list)) continue;
    for (const item of model[list] as object[]) if (!home.has(item)) home.set(item, list);
  }
  const proxies = new WeakMap<object, object>();
  const wrap = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null || value instanceof Map || value instanceof Set) return value;
    let proxy = proxies.get(value);
    if (!proxy) {
      proxy = new Proxy(value, {
        get(target, property) {
          // A record's kind is fixed; which record a reference's `resolved` names is part of the
          // referring record (the build counts its list as changed when that changes): neither
          // reads the target's list. Any other field of a record reads its list.
          const own = home.get(target);
          if (own && property !== "recordKind") reads.add(own);
          const result = Reflect.get(target, property, target);
          const descriptor = Reflect.getOwnPropertyDescriptor(target, property);
          if (descriptor && !descriptor.configurable && !descriptor.writable) return result;
          return wrap(result);
        },
      });
      proxies.set(value, proxy);
    }
    return proxy;
  };
  const index = {
    get: (kind: RecordKind, id: string) => {
      reads.add(LIST_OF_KIND[kind]);
      return wrap(model.index.get(kind, id));
    },
    find: (kinds: readonly RecordKind[], id: string) => {
      for (const kind of kinds) reads.add(LIST_OF_KIND[kind]);
      return wrap(model.index.find(kinds, id));
    },
    resolve: (ref: Reference) => {
      for (const kind of ref.targets) reads.add(LIST_OF_KIND[kind]);
      return wrap(model.index.resolve(ref));
    },
    ids: (kind: RecordKind) => {
      reads.add(LIST_OF_KIND[kind]);
      return model.index.ids(kind);
    },
    duplicates: () => {
      for (const list of Object.values(LIST_OF_KIND)) reads.add(list);
      return wrap(model.index.duplicates());
    },
  };
  const tracked = new Proxy(model, {
    get(target, property) {
      if (property === "index") return index;
      if (property === "isms") reads.add("definitions");
      else if (property === "methodology") reads.add("methodologies");
      else if ((LISTS as readonly PropertyKey[]).includes(property)) reads.add(property as ModelList);
      const value = Reflect.get(target, property, target);
      return property === "catalog" || property === "root" ? value : wrap(value);
    },
  });
  const reports: FindingInput[] = [];
  const context = new Proxy({ ...inputs, model: tracked, report: (input: FindingInput) => reports.push(input) } as RuleContext, {
    get(target, property) {
      if (property === "today" || property === "existingFiles" || property === "lineHistory" || property === "priorTexts") reads.add(property);
      return Reflect.get(target, property, target);
    },
  });
  rule.check(context);
  return { reads, reports };
}
