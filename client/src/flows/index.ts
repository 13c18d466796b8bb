import type { CommandFactory } from "../command";
import { addAction, addRisk } from "./add-record";
import { newIsms } from "./new-isms";
import { openExample } from "./open-example";

/** The guided flows: a new ISMS from the template, the example, and the Add Risk / Add Action forms. */
export const FLOW_COMMANDS: CommandFactory[] = [newIsms, openExample, addRisk, addAction];
