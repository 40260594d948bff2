import { derivePercent } from '../../src/progress/percent-rules';
import { deriveStatus } from '../../src/progress/status-rules';
import { Section } from '../../src/task/section';
import { DueSource, deriveDue } from '../../src/task/due-rules';

describe('stated percent (texts from the 2021 Q1 report)', () => {
  it.each([
    ['一季度空气质量优良天数82天，完成年度任务的27.3%。', 27.3, 'states “完成年度任务的27.3%”'],
    ['目前已完成总进度的43.3%，其中沙坪坝站…已完工投用', 43.3, 'states “已完成总进度的43.3%”'],
    ['①科学大道已完成总工程量的84%。', 84, 'states “已完成总工程量的84%”'],
    ['目前凌云路边坡已完成总进度的35%，融汇温泉城社区公园已完成总进度的30%。', 30, 'states “已完成总进度的35%”, “已完成总进度的30%”; the lowest (30%) counts'],
    ['轨道九号线沙区段已完成77.5%工程量。', 77.5, 'states “已完成77.5%工程量”'],
    ['二横线物流园段总体已完成87%，路桥主体结构全部完成', 87, 'states “总体已完成87%”'],
    ['智慧口岸建设工作，总体实施进度约42%', 42, 'states “总体实施进度约42%”'],
    ['回龙坝镇农村供水一户一表工程，已完工82%。', 82, 'states “已完工82%”'],
  ])('%s → %d', (text, percent, reason) => {
    expect(derivePercent(text)).toEqual({ percent, reason });
  });

  it.each([
    '预计一季度投资增速20%左右。',
    '完成整治453家，完成率93%，剩余34家正在推进。',
    '全区累计接种107593剂次，接种进度为6.2%',
    '幕墙完成50%，机电安装完成85%',
    '一季度新增就业7383人，参保率稳定在95%以上。',
  ])('no percent of the task in “%s”', (text) => {
    expect(derivePercent(text)).toBeNull();
  });
});

describe('deadline words', () => {
  it.each([
    ['6月底前完成30个老旧小区改造提升', '2024-06-30', ['6月底前']],
    ['年底前新建社区食堂10个', '2024-12-31', ['年底前']],
    ['上半年完成方案', '2024-06-30', ['上半年']],
    ['三季度建成公共停车泊位3000个', '2024-09-30', ['三季度']],
    ['9月底完成主体施工', '2024-09-30', ['9月底']],
    ['年内建成投用', '2024-12-31', ['年内']],
    ['6月底前完成方案，年底前建成', '2024-12-31', ['6月底前', '年底前']],
    ['力争2025年底前建成', '2025-12-31', ['2025年底前']],
    ['10月15日前完成验收', '2024-10-15', ['10月15日前']],
  ])('%s → %s', (text, date, words) => {
    expect(deriveDue(text, 2024)).toEqual({ date, source: DueSource.TEXT, words });
  });

  it('falls back to the end of the plan year', () => {
    expect(deriveDue('全力支持三安半导体、12英寸集成电路生产基地建设。', 2024)).toEqual({ date: '2024-12-31', source: DueSource.PLAN_YEAR_END, words: [] });
  });
});

describe('livelihood projects reporting only preparatory work (2021 report: 暂未启动施工)', () => {
  it.each([
    ['大学城水务公司正在向上级单位申请立项，并同步编制实施方案及施工图等。', '申请立项'],
    ['已完成方案设计，拟于4月中旬组织需求摸底。', '方案设计'],
  ])('%s is NOT_STARTED for a livelihood project', (text, matched) => {
    expect(deriveStatus(text, Section.LIVELIHOOD)).toEqual({ status: 'NOT_STARTED', reason: expect.stringContaining(`“${matched}”`) });
    expect(deriveStatus(text, Section.KEY_TASK).status).toBe('IN_PROGRESS');
  });

  it('construction reported is under way', () => {
    expect(deriveStatus('4所中小学正在进行主体施工，3所幼儿园正在办理前期手续。', Section.LIVELIHOOD).status).toBe('IN_PROGRESS');
  });
});
