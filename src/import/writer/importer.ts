import type { DataSource, EntityManager } from 'typeorm';
import { DocumentKind } from '../../document/document-kind';
import { DocumentImportError } from '../model/import-error';
import type { ParsedDocument, ParsedItem, ParsedSection } from '../model/parsed-document';
import type { UnitMention } from '../model/unit-mention';
import { UnitRegistries } from '../registry/unit-registries';
import type { UnitRegistry } from '../registry/unit-registry';
import { storeSupervisionFacts } from '../../risk/supervision-facts';
import { UnitKind } from '../../unit/unit-kind';
import { Role } from '../../unit/role';
import type { ImportResult } from './import-result';
import { syncRegistry } from './registry-sync';
import { pgTextArray } from '../../db/pg-text-array';
import os from 'node:os';
import { appendAudit } from '../../audit/audit-log';
import { AuditDecision } from '../../audit/audit.entity';
import { type Who, decide } from '../../auth/policy';
import { type Principal, type RequestOrigin, shellPrincipal } from '../../graphql/principal';

/** Who imports: the audit trail's actor. The shell's user when not said (npm run import, seeding at start). */
export interface ImportActor {
  principal: Principal;
  origin: RequestOrigin;
}

interface ItemRef {
  section: ParsedSection;
  item: ParsedItem;
}

/** A refusal about what `supersedes` names (not about the document's own content): a mutation reports it on that field. */
export class SupersedeRefused extends DocumentImportError {}

/** How an import is written, beyond the document itself. */
export interface WriteOptions {
  /**
   * The id of the document this one corrects (importUpload's `supersedes`): a plan of the same
   * jurisdiction and year that no other document has corrected yet. See `refuseOtherVersion`.
   */
  supersedes?: number | null;
}

/**
 * Writes one parsed document in one transaction: all of it or nothing.
 *
 * A plan defines its tasks (and replaces leaders/units of tasks a report
 * created before the plan arrived). A progress report attaches to the plan of
 * its year by (section, number), creating the tasks, with the report's units,
 * when that year has no plan yet. The same bytes imported twice are a no-op.
 */
export async function importDocument(
  dataSource: DataSource,
  parsed: ParsedDocument,
  registries: UnitRegistry | UnitRegistries,
  actor: ImportActor = { principal: shellPrincipal(os.userInfo().username), origin: { requestId: null, clientAddress: null } },
): Promise<ImportResult> {
  return dataSource.transaction(async (em) => {
    const written = await writeDocument(em, parsed, registries);
    if (written.result.status === 'imported') {
      // issue 16: every write is one audit row, in its own transaction; the shell is the SYSTEM principal.
      await appendAudit(em, actor.principal, actor.origin, {
        action: 'document.import',
        decision: AuditDecision.ALLOWED,
        rule: decide(actor.principal.role as Who, 'document.import').rule,
        reason: `imported ${parsed.file}`,
        target: written.target,
        after: written.after,
      });
    }
    return written.result;
  });
}

/** What `writeDocument` did, and what its audit row keeps. */
export interface Written {
  result: ImportResult;
  target: Record<string, unknown>;
  /** The superseded version's tasks as they read before the correction (their texts, leaders, units). */
  before: unknown;
  after: Record<string, unknown>;
}

/**
 * The import itself, inside the caller's transaction (importDocument's own, or the mutation
 * pipeline's for importUpload, which writes its own audit row). Throws DocumentImportError for a
 * document that cannot be imported; the caller's rollback undoes everything.
 */
export async function writeDocument(em: EntityManager, parsed: ParsedDocument, registries: UnitRegistry | UnitRegistries, options: WriteOptions = {}): Promise<Written> {
  const meta = parsed.document;
  // Units and leaders of a document belong to its own jurisdiction, never to another district's.
  const registry = UnitRegistries.of(registries).for(meta.jurisdiction);
  const base = {
    file: parsed.file,
    kind: meta.kind,
    year: meta.year,
    period: meta.period,
    jurisdiction: meta.jurisdiction,
    jurisdictionRule: meta.jurisdictionRule,
    jurisdictionReason: meta.jurisdictionReason,
    items: Object.fromEntries(parsed.sections.map((s) => [s.section, s.items.length])),
    warnings: parsed.warnings.length,
    warningMessages: parsed.warnings,
    allowedChecks: parsed.allowedChecks,
  };
  // Serialise imports, and wait (never fail) for one under way: two processes importing the same
  // file at once import it once, and a server seeding at start-up waits for a CLI import. The lock
  // comes before the content-hash check so the waiter sees what the other transaction committed.
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('duban-import'))`);
  const [same] = await em.query(`SELECT id FROM document WHERE content_hash = $1`, [parsed.contentHash]);
  if (same) {
    const result: ImportResult = { ...base, status: 'unchanged', documentId: same.id, tasksCreated: 0, tasksUpdated: 0, progressUpdates: 0, assignments: 0, flaggedUnits: [] };
    return { result, target: { document: same.id }, before: null, after: {} };
  }

  const [{ id: jurisdictionId }] = await em.query(
    `INSERT INTO jurisdiction (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [meta.jurisdiction],
  );
  const [{ id: planId }] = await em.query(
    `INSERT INTO plan (jurisdiction_id, year) VALUES ($1, $2)
     ON CONFLICT (jurisdiction_id, year) DO UPDATE SET year = EXCLUDED.year RETURNING id`,
    [jurisdictionId, meta.year],
  );
  const supersedes = options.supersedes ?? null;
  await refuseOtherVersion(em, parsed, planId, supersedes);
  const before = supersedes === null ? null : await supersededTasks(em, parsed, planId, supersedes);
  const [{ id: documentId }] = await em.query(
    `INSERT INTO document (plan_id, kind, title, number, issuer, issued_on, year, period, content_hash, file_name, warnings, allowed_checks, supersedes_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::text[], $13) RETURNING id`,
    [
      planId, meta.kind, meta.title, meta.number, meta.issuer, meta.date, meta.year, meta.period, parsed.contentHash, parsed.file,
      JSON.stringify(parsed.warnings.map(({ line, message }) => ({ line, message }))),
      parsed.allowedChecks,
      supersedes,
    ],
  );

  await syncRegistry(em, jurisdictionId, registry);
  const all: ItemRef[] = parsed.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
  const flaggedUnits = await insertUnknownUnits(em, jurisdictionId, all);

  const existing = await existingTasks(em, planId);
  const isPlan = meta.kind === DocumentKind.PLAN;
  // A plan (re)defines every task; a report only defines tasks its year's plan lacks.
  const defining = isPlan ? all : all.filter((ref) => !existing.has(key(ref)));
  const taskIds = await upsertTasks(em, planId, documentId, defining);
  await replaceLeaders(em, jurisdictionId, defining, taskIds);
  const assignments = await replaceAssignments(em, jurisdictionId, defining, taskIds);

  let progressUpdates = 0;
  if (meta.kind === DocumentKind.PROGRESS_REPORT) {
    const ids = new Map([...existing, ...taskIds]);
    progressUpdates = await insertProgress(em, documentId, meta.period!, all, ids);
  }
  // What the supervision lights read, after the rows and statuses they depend on are written.
  await storeSupervisionFacts(em, planId);
  const updated = defining.filter((ref) => existing.has(key(ref))).length;
  const result: ImportResult = {
    ...base,
    status: 'imported',
    documentId,
    tasksCreated: defining.length - updated,
    tasksUpdated: updated,
    progressUpdates,
    assignments,
    flaggedUnits,
    flaggedUnitKinds: inferredKinds(all, flaggedUnits),
  };
  return {
    result,
    target: { document: documentId, plan: planId, ...(supersedes === null ? {} : { supersedes }) },
    before,
    after: { kind: meta.kind, year: meta.year, period: meta.period, title: meta.title, contentHash: parsed.contentHash, tasksCreated: result.tasksCreated, tasksUpdated: updated, progressUpdates, supersedes },
  };
}

function key({ section, item }: ItemRef): string {
  return `${section.section}:${item.number}`;
}

/**
 * Two different texts claiming to be the same document would silently mix; refuse instead — unless
 * the new one says it corrects the current version (`supersedes`). Only the current version (one no
 * other document corrects) can be superseded, and only by a document of the same plan, kind and period.
 */
async function refuseOtherVersion(em: EntityManager, parsed: ParsedDocument, planId: number, supersedes: number | null): Promise<void> {
  const meta = parsed.document;
  const what = meta.kind === DocumentKind.PLAN ? `${meta.year} plan` : `${meta.period} report`;
  if (supersedes !== null) {
    const [old] = await em.query(
      `SELECT d.id, d.plan_id, d.kind, d.period, d.file_name, (SELECT n.id FROM document n WHERE n.supersedes_id = d.id) AS corrected_by
       FROM document d WHERE d.id = $1`,
      [supersedes],
    );
    const refuse = (message: string) => {
      throw new SupersedeRefused([{ file: parsed.file, message }]);
    };
    if (!old) refuse(`supersedes names document ${supersedes}, which does not exist; nothing was written`);
    if (old.plan_id !== planId || old.kind !== meta.kind || (old.period ?? null) !== (meta.period ?? null)) {
      refuse(`supersedes names document ${old.id} (${old.file_name}), which is not a version of this ${what}; nothing was written`);
    }
    if (meta.kind !== DocumentKind.PLAN) refuse(`a progress report cannot supersede another yet (only a corrected plan can); nothing was written`);
    if (old.corrected_by !== null) refuse(`document ${old.id} (${old.file_name}) was already superseded by document ${old.corrected_by}: supersede that one; nothing was written`);
  }
  const [other] = await em.query(
    `SELECT d.id, d.file_name FROM document d
     WHERE d.plan_id = $1 AND d.kind = $2 AND d.period IS NOT DISTINCT FROM $3 AND d.id IS DISTINCT FROM $4
       AND NOT EXISTS (SELECT 1 FROM document n WHERE n.supersedes_id = d.id)`,
    [planId, meta.kind, meta.period, supersedes],
  );
  if (other) {
    throw new DocumentImportError([
      {
        file: parsed.file,
        message: `a different version of this ${what} is already imported (document ${other.id}, ${other.file_name}); nothing was written`,
      },
    ]);
  }
}

/**
 * The tasks of the plan as the superseded version left them, for the audit row's `before`: the
 * correction rewrites them in place (same ids, so reports, receipts and links stay attached), so this
 * is where their earlier texts stay readable besides the old file. A correction that leaves out tasks
 * the version it replaces defined is refused: withdrawing a task is not something a correction does
 * silently. Tasks a progress report created (the plan did not list them) are not the plan's to drop.
 */
async function supersededTasks(em: EntityManager, parsed: ParsedDocument, planId: number, supersedes: number): Promise<unknown> {
  const rows: { section: string; number: number; title: string | null; content: string; leaders: string[]; lead: string[]; co: string[] }[] = await em.query(
    `SELECT t.section, t.number, t.title, t.content,
            ARRAY(SELECT l.name FROM task_leader tl JOIN leader l ON l.id = tl.leader_id WHERE tl.task_id = t.id ORDER BY tl.position) AS leaders,
            ARRAY(SELECT u.name FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.task_id = t.id AND a.role = 'LEAD' ORDER BY a.position) AS lead,
            ARRAY(SELECT u.name FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.task_id = t.id AND a.role = 'CO' ORDER BY a.position) AS co
     FROM task t WHERE t.plan_id = $1 AND t.document_id = $2 ORDER BY t.section, t.number`,
    [planId, supersedes],
  );
  const kept = new Set(parsed.sections.flatMap((s) => s.items.map((i) => `${s.section}:${i.number}`)));
  const dropped = rows.filter((r) => !kept.has(`${r.section}:${r.number}`));
  if (dropped.length) {
    const list = dropped.slice(0, 20).map((r) => `${r.section} ${r.number}`).join(', ');
    throw new SupersedeRefused([{
      file: parsed.file,
      message: `the correction leaves out ${dropped.length} task(s) of the plan it supersedes (${list}${dropped.length > 20 ? ', …' : ''}); a correction must list every task; nothing was written`,
    }]);
  }
  return { document: supersedes, tasks: rows };
}

async function insertUnknownUnits(em: EntityManager, jurisdictionId: number, all: ItemRef[]): Promise<string[]> {
  // The parser guessed each new name's kind from its form (…街道 → township); UNKNOWN where no rule applied.
  const kinds = new Map(all.flatMap(({ item }) => [...item.leadUnits, ...item.coUnits]).filter((u) => !u.known).map((u) => [u.name, u.kind ?? UnitKind.UNKNOWN]));
  const names = [...kinds.keys()];
  if (names.length) {
    await em.query(
      `INSERT INTO unit (jurisdiction_id, name, kind, needs_review)
       SELECT $1::int, n.name, n.kind::unit_kind, true FROM unnest($2::text[], $3::text[]) AS n(name, kind)
       ON CONFLICT (jurisdiction_id, name) DO NOTHING`,
      [jurisdictionId, names, names.map((n) => kinds.get(n))],
    );
  }
  return names;
}

function inferredKinds(all: ItemRef[], flagged: string[]): Record<string, string> {
  const mentions = new Map(all.flatMap(({ item }) => [...item.leadUnits, ...item.coUnits]).map((u) => [u.name, u]));
  return Object.fromEntries(flagged.map((name) => {
    const u = mentions.get(name);
    return [name, u?.inferredBy ? `${u.kind} by ${u.inferredBy}` : 'kind unknown: no naming rule applies'];
  }));
}

async function existingTasks(em: EntityManager, planId: number): Promise<Map<string, number>> {
  const rows: { id: number; section: string; number: number }[] = await em.query(
    `SELECT id, section, number FROM task WHERE plan_id = $1`,
    [planId],
  );
  return new Map(rows.map((r) => [`${r.section}:${r.number}`, r.id]));
}

async function upsertTasks(em: EntityManager, planId: number, documentId: number, refs: ItemRef[]): Promise<Map<string, number>> {
  if (refs.length === 0) return new Map();
  const categories = [...new Set(refs.map((r) => r.item.category).filter((c): c is string => !!c))];
  await em.query(
    `INSERT INTO category (plan_id, name, position)
     SELECT $1::int, name, position::int FROM unnest($2::text[]) WITH ORDINALITY AS c(name, position)
     ON CONFLICT (plan_id, name) DO NOTHING`,
    [planId, categories],
  );
  const rows: { id: number; section: string; number: number }[] = await em.query(
    `INSERT INTO task (plan_id, section, number, category_id, title, content, document_id, source_line, due_on, due_source, due_words)
     SELECT $1::int, t.section::section, t.number, c.id, t.title, t.content, $2::int, t.line, t.due_on, t.due_source::due_source, t.due_words::text[]
     FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::int[], $9::date[], $10::text[], $11::text[])
       AS t(section, number, category, title, content, line, due_on, due_source, due_words)
     LEFT JOIN category c ON c.plan_id = $1 AND c.name = t.category
     ON CONFLICT (plan_id, section, number) DO UPDATE
       SET category_id = EXCLUDED.category_id, title = EXCLUDED.title, content = EXCLUDED.content,
           document_id = EXCLUDED.document_id, source_line = EXCLUDED.source_line,
           due_on = EXCLUDED.due_on, due_source = EXCLUDED.due_source, due_words = EXCLUDED.due_words
     RETURNING id, section, number`,
    [
      planId,
      documentId,
      refs.map((r) => r.section.section),
      refs.map((r) => r.item.number),
      refs.map((r) => r.item.category),
      refs.map((r) => r.item.title),
      refs.map((r) => r.item.content),
      refs.map((r) => r.item.line),
      refs.map((r) => r.item.signals.due.date),
      refs.map((r) => r.item.signals.due.source),
      refs.map((r) => pgTextArray(r.item.signals.due.words)),
    ],
  );
  return new Map(rows.map((r) => [`${r.section}:${r.number}`, r.id]));
}

async function replaceLeaders(em: EntityManager, jurisdictionId: number, refs: ItemRef[], taskIds: Map<string, number>): Promise<void> {
  if (refs.length === 0) return;
  await em.query(`DELETE FROM task_leader WHERE task_id = ANY($1::int[])`, [[...taskIds.values()]]);
  const pairs = refs.flatMap((ref) => ref.item.leaders.map((name, k) => ({ task: taskIds.get(key(ref))!, name, position: k + 1 })));
  if (pairs.length === 0) return;
  await em.query(
    `INSERT INTO leader (jurisdiction_id, name) SELECT DISTINCT $1::int, name FROM unnest($2::text[]) AS l(name)
     ON CONFLICT (jurisdiction_id, name) DO NOTHING`,
    [jurisdictionId, pairs.map((p) => p.name)],
  );
  await em.query(
    `INSERT INTO task_leader (task_id, leader_id, position)
     SELECT p.task, l.id, p.position FROM unnest($2::int[], $3::text[], $4::int[]) AS p(task, name, position)
     JOIN leader l ON l.jurisdiction_id = $1 AND l.name = p.name`,
    [jurisdictionId, pairs.map((p) => p.task), pairs.map((p) => p.name), pairs.map((p) => p.position)],
  );
}

async function replaceAssignments(em: EntityManager, jurisdictionId: number, refs: ItemRef[], taskIds: Map<string, number>): Promise<number> {
  if (refs.length === 0) return 0;
  await em.query(`DELETE FROM assignment WHERE task_id = ANY($1::int[])`, [[...taskIds.values()]]);
  const rows = refs.flatMap((ref) => {
    const task = taskIds.get(key(ref))!;
    const of = (units: UnitMention[], role: Role) => units.map((u, k) => ({ task, u, role, position: k + 1 }));
    return [...of(ref.item.leadUnits, Role.LEAD), ...of(ref.item.coUnits, Role.CO)];
  });
  if (rows.length === 0) return 0;
  const result: unknown[] = await em.query(
    `INSERT INTO assignment (task_id, unit_id, role, position, acting_as, written_as)
     SELECT a.task, u.id, a.role::role, a.position, a.acting_as, a.written_as
     FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[])
       AS a(task, name, role, position, acting_as, written_as)
     JOIN unit u ON u.jurisdiction_id = $1 AND u.name = a.name
     RETURNING id`,
    [
      jurisdictionId,
      rows.map((r) => r.task),
      rows.map((r) => r.u.name),
      rows.map((r) => r.role),
      rows.map((r) => r.position),
      rows.map((r) => r.u.actingAs),
      rows.map((r) => r.u.writtenAs),
    ],
  );
  // Every mention must land: a name that matched no unit row would be silently lost.
  if (result.length !== rows.length) throw new Error(`internal: ${rows.length - result.length} unit assignments found no unit row`);
  return rows.length;
}

async function insertProgress(
  em: EntityManager,
  documentId: number,
  period: string,
  all: ItemRef[],
  taskIds: Map<string, number>,
): Promise<number> {
  // The parse derived each row's reading of its text (item-signals.ts); this only writes it.
  const rows = all.flatMap(({ section, item }) =>
    item.progress !== null && item.signals.progress ? [{ task: taskIds.get(key({ section, item }))!, text: item.progress, ...item.signals.progress }] : [],
  );
  if (rows.length === 0) return 0;
  // One row per task and period (README "Supervision workflow"): a report the office accepted in a round
  // for this period gives way to the document imported after it, which now holds the period's text.
  await em.query(
    `INSERT INTO progress_update (task_id, document_id, period, text, items, status, status_reason, percent, percent_reason)
     SELECT p.task, $1::int, $2::text, p.text, p.items::jsonb, p.status::progress_status, p.reason, p.percent, p.percent_reason
     FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::text[])
       AS p(task, text, items, status, reason, percent, percent_reason)
     ON CONFLICT (task_id, period) DO UPDATE SET document_id = EXCLUDED.document_id, report_id = NULL, text = EXCLUDED.text,
       items = EXCLUDED.items, status = EXCLUDED.status, status_reason = EXCLUDED.status_reason,
       percent = EXCLUDED.percent, percent_reason = EXCLUDED.percent_reason`,
    [
      documentId,
      period,
      rows.map((r) => r.task),
      rows.map((r) => r.text),
      rows.map((r) => JSON.stringify(r.items)),
      rows.map((r) => r.status),
      rows.map((r) => r.statusReason),
      rows.map((r) => r.percent),
      rows.map((r) => r.percentReason),
    ],
  );
  return rows.length;
}
