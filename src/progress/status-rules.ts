import { Section } from '../task/section';
import { ProgressStatus } from './progress-status';

export interface StatusVerdict {
  status: ProgressStatus;
  /** The rule that decided, in words an analyst can check against the text. */
  reason: string;
}

interface Rule {
  status: ProgressStatus;
  test: (text: string, section?: Section) => RegExpMatchArray | null;
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
    test: (t) => t.match(/暂停|停工|中止|搁置|暂缓|停滞/),
    because: 'names a halt',
  },
  {
    status: ProgressStatus.NOT_STARTED,
    test: (t) => t.match(/暂未启动|尚未启动|未启动|尚未开工|暂未开工|未开工/),
    because: 'says work has not started',
  },
  {
    // 民生实事 are construction projects: the 2021 Q1 report itself calls its
    // projects 9 and 10 暂未启动施工 while their rows only say 申请立项 … 施工图 and
    // 已完成方案设计，拟于…. Preparatory work (前期工作) alone is not a start.
    status: ProgressStatus.NOT_STARTED,
    test: (t, section) =>
      section === Section.LIVELIHOOD && !/施工(?!图)|完工|竣工|建成|开工|投用|进场|安装|主体|新增|改造完成|\d+(\.\d+)?%/.test(t)
        ? t.match(/申请立项|立项|方案设计|实施方案|施工图|前期手续|前期工作|需求摸底|可研|勘察|招标/)
        : null,
    because: 'reports only preparatory work (前期工作) on a livelihood project, so construction has not started',
  },
  {
    status: ProgressStatus.COMPLETED,
    test: (t) =>
      /正在|推进|加快|拟|计划|将于|持续|剩余|其余|尚未|未完成|\d+(\.\d+)?%/.test(t)
        ? null
        : t.match(/全部完成|已全部|全面完成|已完成年度|完成全年|已建成投用|已开业|已投产/),
    because: 'claims the whole task done and names no remaining work',
  },
  {
    status: ProgressStatus.UNKNOWN,
    test: (t) => (/^预计/.test(t.trim()) && !/已|正在/.test(t) ? t.match(/^预计/) : null),
    because: 'is a forecast, not a report of work',
  },
  {
    status: ProgressStatus.IN_PROGRESS,
    test: (t) => t.match(/正在|正积极|推进|加快|启动|开展|施工|完成|建成|签约|引进|组织|实施|对接|制定|编制|起草|新增|累计|新开通|实现|完善|强化|继续|持续|举办|已/),
    because: 'reports work done or under way',
  },
];

/** `section` lets a rule read a text as the kind of task it reports on (民生实事 are construction projects). */
export function deriveStatus(text: string, section?: Section): StatusVerdict {
  for (const rule of RULES) {
    const match = rule.test(text, section);
    if (match) return { status: rule.status, reason: `${rule.because} (matched “${match[0]}”)` };
  }
  return { status: ProgressStatus.UNKNOWN, reason: 'no rule matched' };
}
