import type { TextEdit } from "vscode-languageserver-types";
import type { LocalDate } from "../dates";
import type { Finding } from "../findings";
import type { IsmsModel } from "../model/isms-model";
import type { ParsedFile } from "../parse/parsed-file";

/**
 * The edit of a quick-fix: minimal text edits per file key (LSP 0-based ranges in the file's
 * text as parsed, without byte-order mark). `createFiles` lists keys of files the fix creates;
 * their whole content is the single insertion at 0:0 in `changes`.
 */
export interface FixEdit {
  changes: Record<string, TextEdit[]>;
  createFiles?: string[];
}

/** A quick-fix for one finding: a title for the editor's light bulb and the edit it applies. */
export interface QuickFix {
  title: string;
  ruleId: string;
  /** The one obvious fix (the editor may apply it with the "auto fix" command). */
  isPreferred?: boolean;
  edit: FixEdit;
}

/** What a fix may read: the model of the finding's ISMS root, the parsed files, and today. */
export interface FixContext {
  model: IsmsModel;
  /** The parsed file of a key, as checked (the text the finding's ranges refer to). */
  files: (key: string) => ParsedFile | undefined;
  today: LocalDate;
}

/** Computes the quick-fixes of one rule's finding; returns none when the fix no longer applies. */
export type FixProvider = (finding: Finding, context: FixContext) => QuickFix[];
