import { splitProgressItems } from '../../src/progress/progress-items';
import { deriveStatus } from '../../src/progress/status-rules';

describe('progress items', () => {
  it.each([
    ['numbered items across lines (2021 row 2)', '①重庆大学产业技术研究院金沙分院已成功落地。\n②智慧肿瘤研究院正在完善方案。', [
      { number: 1, text: '重庆大学产业技术研究院金沙分院已成功落地。' },
      { number: 2, text: '智慧肿瘤研究院正在完善方案。' },
    ]],
    ['a gap in the numbering is kept (2021 row 7 jumps ① → ③)', '①自贸区创新服务中心。\n③青凤高科孵化中心二期。', [
      { number: 1, text: '自贸区创新服务中心。' },
      { number: 3, text: '青凤高科孵化中心二期。' },
    ]],
    ['text without numbers is one item', '已建成5个全民健身点。', [{ number: null, text: '已建成5个全民健身点。' }]],
    ['text before the first number is its own item', '总体进展顺利。①道路完工。', [
      { number: null, text: '总体进展顺利。' },
      { number: 1, text: '道路完工。' },
    ]],
  ])('%s', (_what, text, expected) => {
    expect(splitProgressItems(text)).toEqual(expected);
  });
});

describe('status rules (texts from the 2021 Q1 report)', () => {
  it.each([
    ['海尔生物西南区域细胞制备中心，因企业提出无法满足的诉求，项目已暂缓。', 'SUSPENDED', '暂缓'],
    ['剩余农村饮水安全工程、老旧电梯改造2项任务暂未启动施工。', 'NOT_STARTED', '暂未启动'],
    ['已于2月全部完成编制。', 'COMPLETED', '全部完成'],
    ['已完成方案设计，拟于4月中旬组织需求摸底。', 'IN_PROGRESS', '已'],
    ['完成整治453家，完成率93%，剩余34家正在整治。', 'IN_PROGRESS', '完成'],
    ['预计一季度GDP增长20%左右。', 'UNKNOWN', '预计'],
    ['一季度税收入库8.23亿元，同比增长30.31%。', 'UNKNOWN', null],
  ])('%s → %s', (text, status, matched) => {
    const verdict = deriveStatus(text);
    expect(verdict.status).toBe(status);
    expect(verdict.reason).toEqual(matched ? expect.stringContaining(`“${matched}”`) : 'no rule matched');
  });
});
