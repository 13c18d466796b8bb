import type { FixProvider } from "../../fixes/types";
import { changeReference } from "../ref/unresolved.fix";
import type { UnknownControlData } from "./unknown-control";

/** `soa/unknown-control`: "Change to A.5.15", one action per closest Annex A control (`data.candidates`), as for `ref/unresolved`. */
export const fixes: FixProvider<UnknownControlData> = (finding, context) => changeReference(finding, finding.data.candidates, context);
