import type { DocumentKind } from '../../document/document-kind';
import type { ProgressStatus } from '../../progress/progress-status';
import type { DueSource } from '../../task/due-rules';
import type { Section } from '../../task/section';
import type { DocumentFormat, SourcePosition, TextEncoding } from './document-model';
import type { UnitMention } from './unit-mention';
import type { CheckName } from './check-names';

/** What the letterhead says about the document. */
export interface DocumentMeta {
  title: string;
  number: string | null;
  issuer: string | null;
  /** ISO date (2024-02-02) */
  date: string | null;
  kind: DocumentKind;
  year: number;
  /** 2021-Q1 for reports, null for plans */
  period: string | null;
  /** 重庆市沙坪坝区: from the issuer or title, else stated for the import or inferred (see jurisdictionRule) */
  jurisdiction: string;
  /** Which rule decided the jurisdiction. */
  jurisdictionRule: JurisdictionRule;
  /** The same in words, for the import report (“all 212 unit names are in the registry of …”). */
  jurisdictionReason: string;
}

/**
 * How the jurisdiction was decided: named by the document (ISSUER, TITLE),
 * stated by whoever imported it (STATED: --jurisdiction), or inferred for a
 * document that names none (UNITS: the one registry that knows every unit
 * name; PLAN: the one plan of the report's year).
 */
export type JurisdictionRule = 'ISSUER' | 'TITLE' | 'STATED' | 'UNITS' | 'PLAN';

/** A row as the interpretation reads it, before its signals are derived. */
export interface ReadItem {
  number: number;
  category: string | null;
  title: string | null;
  content: string;
  leaders: string[];
  leadUnits: UnitMention[];
  coUnits: UnitMention[];
  progress: string | null;
  /** Line of the row's first cell. */
  line: number;
}

/**
 * What the writer stores beside a row's texts, read off them here rather than
 * in the writer's transaction, so a dry run shows exactly what an import will
 * store (issue 21). The rules are the concept folders' own.
 */
export interface ItemSignals {
  /** The task's deadline (task/due-rules.ts), in the document's year; the API's Task.due. */
  due: { date: string; source: DueSource; words: string[] };
  /** What the row's progress text says (progress/status-rules.ts, percent-rules.ts, progress-items.ts); null without one. */
  progress: ProgressSignals | null;
}

/** The stored reading of one progress text; the API's ProgressUpdate fields of the same names. */
export interface ProgressSignals {
  status: ProgressStatus;
  statusReason: string;
  percent: number | null;
  percentReason: string | null;
  items: { number: number | null; text: string }[];
}

export interface ParsedItem extends ReadItem {
  signals: ItemSignals;
}

export interface ParsedSection<Item extends ReadItem = ParsedItem> {
  section: Section;
  /** The table's title line (经济社会发展10项预期目标任务进展情况表). */
  title: string;
  /** How many items the document says the section has (137项…), when it says. */
  statedCount: number | null;
  items: Item[];
}

export interface ImportWarning {
  /** Text line, page line, Word paragraph number or sheet row (see SourcePosition). */
  line: number;
  message: string;
  /** The Word table cell or spreadsheet cell, where the format has one. */
  at?: SourcePosition;
}

/** The parser's whole result: plain data, no database ids. */
export interface ParsedDocument {
  file: string;
  /** What the bytes were: chosen by their content, never by the file name. */
  format: DocumentFormat;
  contentHash: string;
  encoding: TextEncoding;
  document: DocumentMeta;
  sections: ParsedSection[];
  warnings: ImportWarning[];
  /** Named checks the user overrode for this import (--allow); recorded on the document. */
  allowedChecks: CheckName[];
}
