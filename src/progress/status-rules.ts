import { Section } from '../task/section';
import { ProgressStatus } from './progress-status';

export interface StatusVerdict {
  status: ProgressStatus;
  /** The rule that decided, in words an analyst can check against the text. */
  reason: string;
}

interface Rule {
  status: ProgressStatus;
  /** The words that decide for this status (the first of them the report itself says counts). */
  claim: RegExp;
  /** Words that, said by the report, keep the rule from deciding. */
  unless?: RegExp;
  /** Only for tasks of this kind. */
  section?: Section;
  because: string;
}

/**
 * Status of a progress text, by the first rule that matches. The order is the
 * point: a halt or a "not started" outweighs any activity words in the same
 * text, and "completed" needs a whole-task claim (全部完成, 已建成投用) with no
 * sign of remaining work, because a quarterly report that says 已完成 usually
 * means one step of many ("已完成方案设计，拟于4月…").
 */
const RULES: Rule[] = [
  {
    status: ProgressStatus.SUSPENDED,
    claim: /暂停|停工|中止|搁置|暂缓|停滞/g,
    because: 'names a halt',
  },
  {
    status: ProgressStatus.NOT_STARTED,
    claim: /暂未启动|尚未启动|未启动|尚未开工|暂未开工|未开工/g,
    because: 'says work has not started',
  },
  {
    // 民生实事 are construction projects: the 2021 Q1 report itself calls its
    // projects 9 and 10 暂未启动施工 while their rows only say 申请立项 … 施工图 and
    // 已完成方案设计，拟于…. Preparatory work (前期工作) alone is not a start.
    status: ProgressStatus.NOT_STARTED,
    section: Section.LIVELIHOOD,
    claim: /申请立项|立项|方案设计|实施方案|施工图|前期手续|前期工作|需求摸底|可研|勘察|招标/g,
    unless: /施工(?!图)|完工|竣工|建成|开工|投用|进场|安装|主体|新增|改造完成|\d+(\.\d+)?%/g,
    because: 'reports only preparatory work (前期工作) on a livelihood project, so construction has not started',
  },
  {
    status: ProgressStatus.COMPLETED,
    claim: /全部完成|已全部|全面完成|已完成年度|完成全年|已建成投用|已开业|已投产/g,
    unless: /正在|推进|加快|拟|计划|将于|持续|剩余|其余|尚未|未完成|\d+(\.\d+)?%/g,
    because: 'claims the whole task done and names no remaining work',
  },
  {
    status: ProgressStatus.UNKNOWN,
    claim: /^\s*预计/g,
    unless: /已|正在/g,
    because: 'is a forecast, not a report of work',
  },
  {
    status: ProgressStatus.IN_PROGRESS,
    claim: /正在|正积极|推进|加快|启动|开展|施工|完成|建成|签约|引进|组织|实施|对接|制定|编制|起草|新增|累计|新开通|实现|完善|强化|继续|持续|举办|已/g,
    because: 'reports work done or under way',
  },
];

/**
 * `section` lets a rule read a text as the kind of task it reports on (民生实事
 * are construction projects). `task` is the task's own text (its content and
 * title as the report's row gives them): a progress text often repeats its
 * task ("项目已完成，持续办好…已全部建成投用", "…开工率达80%以上"), and words it
 * quotes from the task are the task's, not the report's — they neither veto a
 * rule (持续, 推进, 加快, a percent) nor decide one (a task about 未开工 projects).
 */
export function deriveStatus(text: string, section?: Section, task?: string): StatusVerdict {
  const quoted = quotedFrom(text, task);
  for (const rule of RULES) {
    if (rule.section !== undefined && rule.section !== section) continue;
    const match = ownMatch(rule.claim, text, quoted, true);
    if (!match) continue;
    if (rule.unless && ownMatch(rule.unless, text, quoted, false)) continue;
    return { status: rule.status, reason: `${rule.because} (matched “${match}”)` };
  }
  // A text that only repeats its task still reports it as under way.
  const repeated = quoted && ownMatch(RULES[RULES.length - 1].claim, text, undefined, true);
  if (repeated) return { status: ProgressStatus.IN_PROGRESS, reason: `${RULES[RULES.length - 1].because} (matched “${repeated}”, in words it quotes from the task)` };
  return { status: ProgressStatus.UNKNOWN, reason: 'no rule matched' };
}

/** The status of a document row: its progress text read beside the row's own task text (title and content). */
export function deriveRowStatus(row: { progress: string; title: string | null; content: string }, section: Section): StatusVerdict {
  return deriveStatus(row.progress, section, [row.title, row.content].filter(Boolean).join('\n'));
}

/**
 * Shortest run of characters that counts as quoting the task: four-character
 * phrases (加快推进, 正在推进) are the report's own vocabulary as often as the
 * task's; five and more in the same order are a quotation.
 */
const QUOTE_MIN = 5;

/** Which characters of `text` repeat a run of at least QUOTE_MIN characters of `task`. */
function quotedFrom(text: string, task: string | undefined): Uint8Array | undefined {
  if (!task || task.length < QUOTE_MIN || text.length < QUOTE_MIN) return undefined;
  const grams = new Set<string>();
  for (let i = 0; i + QUOTE_MIN <= task.length; i++) grams.add(task.slice(i, i + QUOTE_MIN));
  let quoted: Uint8Array | undefined;
  for (let i = 0; i + QUOTE_MIN <= text.length; i++) {
    if (!grams.has(text.slice(i, i + QUOTE_MIN))) continue;
    quoted ??= new Uint8Array(text.length);
    quoted.fill(1, i, i + QUOTE_MIN);
  }
  return quoted;
}

/**
 * The first match of `pattern` that the report says itself: not wholly inside
 * words quoted from the task. A claim the report makes of the task's words
 * with its own 已 (已 + 全面完成年度目标, quoted) is the report's claim.
 */
function ownMatch(pattern: RegExp, text: string, quoted: Uint8Array | undefined, claim: boolean): string | undefined {
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    if (!quoted) return m[0];
    const start = m.index! - (claim && m.index! > 0 && text[m.index! - 1] === '已' ? 1 : 0);
    const end = m.index! + m[0].length;
    for (let i = start; i < end; i++) if (!quoted[i]) return m[0];
    if (m[0].length === 0) break;
  }
  return undefined;
}
