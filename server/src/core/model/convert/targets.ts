import type { RecordKind } from "../types";

/** The kinds of record each kind of reference field may name, in resolution order. */
export const PERSON: RecordKind[] = ["person"];
export const ASSET: RecordKind[] = ["asset"];
export const ACTION: RecordKind[] = ["action"];
export const REVIEW: RecordKind[] = ["review"];
/** An audit's `reported.to`: the management review, or the person of relevant management (9.2.2 c). */
export const REPORTED_TO: RecordKind[] = ["review", "person"];
export const NONCONFORMITY: RecordKind[] = ["nonconformity"];
/** SoA `sources`: what calls for a control (6.1.3 b-d). */
export const CONTROL_SOURCE: RecordKind[] = ["risk", "requirement", "interested-party"];
/** A nonconformity's `source`: an audit finding or a management review. */
export const NC_SOURCE: RecordKind[] = ["finding", "review"];
/** An action's `source`: the risk, nonconformity, finding or review it answers. */
export const ACTION_SOURCE: RecordKind[] = ["risk", "nonconformity", "finding", "review", "objective"];
