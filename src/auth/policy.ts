import { AccountRole } from './account-role';

/**
 * The one policy: who may do what, to what. Every resolver and HTTP route
 * is held to it (enforce-policy.ts wraps the schema; the mutation pipeline
 * and the HTTP gate call `decide`), `viewerCan` answers from it, and the
 * README's "Policy" table is printed from it (a test keeps them equal).
 *
 * A rule allows an action to some kinds of principal when one of its
 * relations holds between the principal and the target. Nothing is allowed
 * that no rule allows; there are no deny rules, so the order of rules never
 * matters and the first rule found that holds is the one reported.
 */

/** What can be asked for. Each field and mutation names one (field-actions.ts). */
export const ACTIONS = {
  read: 'Read the public record: plans, documents, tasks, units, leaders, progress, statistics, the graph.',
  'viewer.read': 'See who you are and what you may do (viewer, viewerCan).',
  'account.read': 'See an account and its API keys.',
  'account.list': 'List every account (accounts).',
  'account.manage': 'Create and change accounts; create API keys.',
  'key.revoke': 'Revoke an API key.',
  'audit.read': 'Read the audit trail (auditLog).',
  'document.import': 'Import a document (任务分解表 or 推进情况报告) into a plan.',
  'task.acknowledge': 'Acknowledge receipt of a task (签收) for one’s unit.',
  'extension.read': 'Read extension requests (延期申请): reasons, dates, the office’s answers.',
  'extension.request': 'Ask for a task’s deadline to be moved (延期申请), or withdraw that request, for one’s unit.',
  'extension.decide': 'Approve or refuse an extension request (延期审批), fixing the new deadline.',
  'task.close': 'Close a task (办结/销号) or reopen it.',
  'document.upload': 'Upload a document file to preview it (POST /documents), and download uploads not yet imported.',
  'round.open': 'Open a reporting round (报送轮次) of a plan for a period.',
  'report.submit': 'Write, save and submit a task’s progress report (推进情况) in a round.',
  'report.contribute': 'Add a co-unit’s contribution (配合单位推进情况) to a task’s report in a round.',
  'report.review': 'Accept (采纳) or return (退回) a submitted progress report.',
  'report.read': 'Read a round’s progress reports as the workflow holds them: drafts, submissions, returns with the office’s comments, co-units’ contributions.',
} as const;

export type Action = keyof typeof ACTIONS;

/**
 * How the principal stands to the target. ANY always holds; the others are
 * computed from the database (relations.ts) for the target at hand.
 */
export type Relation =
  /** Holds for every target. */
  | 'ANY'
  /** The target is the principal's own account, or one of its keys. */
  | 'SELF'
  /** The principal's unit is a lead unit (牵头单位) of the task. */
  | 'LEAD_UNIT'
  /** The principal's unit is a co-unit (协同单位 / 配合单位) of the task. */
  | 'CO_UNIT'
  /** The principal is a responsible leader (责任区领导) of the task. */
  | 'RESPONSIBLE_LEADER'
  /** The target belongs to the principal's jurisdiction, or the principal serves every jurisdiction. */
  | 'SAME_JURISDICTION';

export const RELATIONS: Record<Relation, string> = {
  ANY: 'any target',
  SELF: 'the principal’s own account or key',
  LEAD_UNIT: 'the principal’s unit leads the task (牵头单位)',
  CO_UNIT: 'the principal’s unit co-operates on the task (协同单位)',
  RESPONSIBLE_LEADER: 'the principal is the task’s responsible leader (责任区领导)',
  SAME_JURISDICTION: 'the target is in the principal’s jurisdiction (or the principal serves all)',
};

/** A kind of principal: an account role, ANONYMOUS (no credential) or SYSTEM (the server's own shell). */
export type Who = AccountRole | 'ANONYMOUS' | 'SYSTEM';

export interface Rule {
  id: string;
  action: Action;
  who: readonly Who[];
  /** The rule holds when any of these holds. */
  relations: readonly Relation[];
  /** Why the rule exists, in the office's terms. */
  why: string;
}

const EVERY_ACCOUNT: readonly Who[] = [AccountRole.ADMIN, AccountRole.OFFICE, AccountRole.UNIT, AccountRole.LEADER, AccountRole.READER];

export const RULES: readonly Rule[] = [
  {
    id: 'public-record',
    action: 'read',
    who: ['ANONYMOUS', ...EVERY_ACCOUNT, 'SYSTEM'],
    relations: ['ANY'],
    why: 'Work-report tasks and their progress are published documents. ANONYMOUS only while DUBAN_ANONYMOUS_READS is on (the default).',
  },
  { id: 'see-yourself', action: 'viewer.read', who: ['ANONYMOUS', ...EVERY_ACCOUNT, 'SYSTEM'], relations: ['ANY'], why: 'Everyone may ask who they are.' },
  { id: 'admin-accounts', action: 'account.read', who: [AccountRole.ADMIN, 'SYSTEM'], relations: ['ANY'], why: 'Administrators manage every account.' },
  { id: 'own-account', action: 'account.read', who: EVERY_ACCOUNT, relations: ['SELF'], why: 'An account sees itself and its own keys.' },
  { id: 'admin-list', action: 'account.list', who: [AccountRole.ADMIN, 'SYSTEM'], relations: ['ANY'], why: 'Only administrators see who has access.' },
  { id: 'admin-manage', action: 'account.manage', who: [AccountRole.ADMIN, 'SYSTEM'], relations: ['ANY'], why: 'Only administrators create accounts and keys.' },
  { id: 'admin-revoke', action: 'key.revoke', who: [AccountRole.ADMIN, 'SYSTEM'], relations: ['ANY'], why: 'Administrators revoke any key.' },
  { id: 'revoke-own-key', action: 'key.revoke', who: EVERY_ACCOUNT, relations: ['SELF'], why: 'Whoever holds a leaked key can stop it at once.' },
  { id: 'admin-audit', action: 'audit.read', who: [AccountRole.ADMIN, 'SYSTEM'], relations: ['ANY'], why: 'Administrators answer for the installation.' },
  { id: 'office-audit', action: 'audit.read', who: [AccountRole.OFFICE], relations: ['ANY'], why: 'The supervision office (督查办) answers for the record.' },
  { id: 'admin-import', action: 'document.import', who: [AccountRole.ADMIN, 'SYSTEM'], relations: ['ANY'], why: 'The shell and administrators import any document.' },
  {
    id: 'office-import',
    action: 'document.import',
    who: [AccountRole.OFFICE],
    relations: ['SAME_JURISDICTION'],
    why: 'The supervision office issues its district’s plans (交办) and reports.',
  },
  {
    id: 'office-uploads',
    action: 'document.upload',
    who: [AccountRole.ADMIN, AccountRole.OFFICE, 'SYSTEM'],
    relations: ['ANY'],
    why: 'The office (督查办) previews what it is about to publish; a file not yet imported is not the public record.',
  },
  {
    id: 'unit-acknowledges',
    action: 'task.acknowledge',
    who: [AccountRole.UNIT],
    relations: ['LEAD_UNIT', 'CO_UNIT'],
    why: 'A unit signs for the tasks it leads or co-operates on (签收), and only those.',
  },
  {
    id: 'accounts-read-extensions',
    action: 'extension.read',
    who: [...EVERY_ACCOUNT, 'SYSTEM'],
    relations: ['ANY'],
    why: 'A unit’s reasons for being late are internal records of the supervision, not the published work report: every account reads them, anonymous readers do not.',
  },
  {
    id: 'accounts-read-reports',
    action: 'report.read',
    who: [...EVERY_ACCOUNT, 'SYSTEM'],
    relations: ['ANY'],
    why: 'A report is published only once accepted, as the task’s progress (ProgressUpdate); drafts, returns and the office’s comments are the supervision’s internal record: every account reads them, anonymous readers do not.',
  },
  {
    id: 'lead-unit-requests-extension',
    action: 'extension.request',
    who: [AccountRole.UNIT],
    relations: ['LEAD_UNIT'],
    why: 'The lead unit (牵头单位) answers for the deadline, so it alone asks to move it (and may withdraw its request).',
  },
  { id: 'admin-decides-extension', action: 'extension.decide', who: [AccountRole.ADMIN, 'SYSTEM'], relations: ['ANY'], why: 'Administrators and the shell act for any office.' },
  {
    id: 'office-decides-extension',
    action: 'extension.decide',
    who: [AccountRole.OFFICE],
    relations: ['SAME_JURISDICTION'],
    why: 'The supervision office (督查办) of the task’s district sets its deadlines (延期审批).',
  },
  { id: 'admin-closes', action: 'task.close', who: [AccountRole.ADMIN, 'SYSTEM'], relations: ['ANY'], why: 'Administrators and the shell act for any office.' },
  {
    id: 'office-closes',
    action: 'task.close',
    who: [AccountRole.OFFICE],
    relations: ['SAME_JURISDICTION'],
    why: 'The supervision office of the task’s district strikes it off the list (办结/销号) and puts it back.',
  },
  // issue 17: reporting rounds and review
  { id: 'admin-rounds', action: 'round.open', who: [AccountRole.ADMIN, 'SYSTEM'], relations: ['ANY'], why: 'The shell and administrators open rounds of any plan.' },
  {
    id: 'office-opens-rounds',
    action: 'round.open',
    who: [AccountRole.OFFICE],
    relations: ['SAME_JURISDICTION'],
    why: 'The supervision office asks its district’s units for their progress (调度).',
  },
  {
    id: 'lead-unit-reports',
    action: 'report.submit',
    who: [AccountRole.UNIT],
    relations: ['LEAD_UNIT'],
    why: 'The lead unit (牵头单位) answers for a task’s progress report; a co-unit contributes instead.',
  },
  {
    id: 'co-unit-contributes',
    action: 'report.contribute',
    who: [AccountRole.UNIT],
    relations: ['CO_UNIT'],
    why: 'A co-unit (配合单位) adds its part for the lead unit to include.',
  },
  { id: 'admin-reviews', action: 'report.review', who: [AccountRole.ADMIN, 'SYSTEM'], relations: ['ANY'], why: 'The shell and administrators review any report.' },
  {
    id: 'office-reviews',
    action: 'report.review',
    who: [AccountRole.OFFICE],
    relations: ['SAME_JURISDICTION'],
    why: 'The supervision office reviews (审核) its district’s reports.',
  },
];

export interface Decision {
  allowed: boolean;
  /** The rule that allowed; for a refusal the rule that would have allowed another principal, or `no-rule`. */
  rule: string;
  reason: string;
}

/** The rules of each action, and who can ever do it (for a check before any target is loaded). */
const RULES_OF = new Map<Action, Rule[]>();
for (const rule of RULES) {
  if (!(rule.action in ACTIONS)) throw new Error(`policy rule ${rule.id} names an unknown action ${rule.action}`);
  RULES_OF.set(rule.action, [...(RULES_OF.get(rule.action) ?? []), rule]);
}

/**
 * Whether `who` may do `action` to a target to which `relations` hold.
 * `relations` of undefined means "not known yet": then the answer is
 * whether some rule could allow it (a role-level check before loading).
 */
export function decide(who: Who, action: Action, relations?: ReadonlySet<Relation>): Decision {
  const rules = (RULES_OF.get(action) ?? []).filter((r) => r.who.includes(who));
  if (!rules.length) {
    const others = (RULES_OF.get(action) ?? []).map((r) => r.id);
    return { allowed: false, rule: others[0] ?? 'no-rule', reason: `a ${who} principal may not ${action}` };
  }
  for (const rule of rules) {
    if (rule.relations.includes('ANY') || relations === undefined || rule.relations.some((r) => relations.has(r))) {
      return { allowed: true, rule: rule.id, reason: rule.why };
    }
  }
  const needed = [...new Set(rules.flatMap((r) => r.relations))].map((r) => RELATIONS[r]);
  return { allowed: false, rule: rules[0].id, reason: `a ${who} principal may ${action} only where ${needed.join(' or ')}` };
}

/** True when every principal that gets past the door (any role, anonymous included) may do `action` to anything. */
export function isUniversal(action: Action): boolean {
  const everyone: Who[] = ['ANONYMOUS', ...EVERY_ACCOUNT, 'SYSTEM'];
  return everyone.every((who) => (RULES_OF.get(action) ?? []).some((r) => r.who.includes(who) && r.relations.includes('ANY')));
}

/** Which relations any rule of `action` may need: what must be loaded to decide it. */
export function relationsNeeded(action: Action): Set<Relation> {
  return new Set((RULES_OF.get(action) ?? []).flatMap((r) => r.relations).filter((r) => r !== 'ANY'));
}
