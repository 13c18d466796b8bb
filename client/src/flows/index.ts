import type { CommandFactory } from "../command";
import { addAction, addRisk } from "./add-record";
import { newIsms } from "./new-isms";
import { openExample } from "./open-example";
import { insertReviewDraft } from "./review-draft";

/** The guided flows: a new ISMS from the template, the example, the Add Risk / Add Action forms, the review draft. */
export const FLOW_COMMANDS: CommandFactory[] = [newIsms, openExample, addRisk, addAction, insertReviewDraft];
