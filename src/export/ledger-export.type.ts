import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Section } from '../task/section';
import { TaskWhere } from '../task/task.inputs';

export enum LedgerFormatEnum {
  XLSX = 'XLSX',
  CSV = 'CSV',
}

registerEnumType(LedgerFormatEnum, {
  name: 'LedgerFormat',
  description: 'File format of a ledger export (台账导出).',
  valuesConfig: {
    XLSX: { description: 'Excel workbook in the office’s layout (title row, merged 工作类别 cells, print setup): what meetings print; duban’s importer reads it back.' },
    CSV: { description: 'One row per task, UTF-8 with BOM (Excel on Windows keeps the Chinese), names joined with 、: for scripts and spreadsheets.' },
  },
});

@ArgsType()
export class LedgerExportArgs {
  @Field(() => Int, { description: 'Year of the plan (年度), e.g. 2024.' })
  year: number;

  @Field(() => String, { nullable: true, description: 'Jurisdiction of the plan (重庆市沙坪坝区, or 沙坪坝区); may be left out when only one jurisdiction has a plan of that year.' })
  jurisdiction?: string;

  @Field(() => Section, { nullable: true, description: 'Only this table (预期目标, 民生实事 or 重点工作任务); default: every table of the plan.' })
  section?: Section;

  @Field(() => String, { nullable: true, description: 'Reporting period (2021-Q1; 上半年 is Q2, 全年 is Q4) whose progress column (进展情况) the ledger shows, with that round’s status and lights; default: none, the plan’s own ledger (任务分解台账).' })
  period?: string;

  @Field(() => TaskWhere, { nullable: true, description: 'Only tasks matching these conditions, as in tasks(where:): “export what I see”.' })
  where?: TaskWhere;

  @Field(() => LedgerFormatEnum, { defaultValue: LedgerFormatEnum.XLSX, description: 'File format (default XLSX).' })
  format: LedgerFormatEnum;
}

@ObjectType('LedgerExport', { description: 'A ledger export (台账导出): the link to a file of the tasks asked for, checked against the database.' })
export class LedgerExportModel {
  @Field({ description: 'Where to GET the file, relative to this API’s origin: /exports/ledger.xlsx?year=… (the same parameters as this field; `where` as JSON).' })
  url: string;

  @Field(() => LedgerFormatEnum, { description: 'File format.' })
  format: LedgerFormatEnum;

  @Field({ description: 'File name a browser saves it under: the title row and the format, e.g. 重庆市沙坪坝区2021年一季度推进情况台账.xlsx.' })
  fileName: string;

  @Field({ description: 'The ledger’s title row (标题): jurisdiction, year, period and 推进情况台账, or 任务分解台账 for a plan without a period.' })
  title: string;

  @Field({ description: 'Jurisdiction of the plan (辖区), in full.' })
  jurisdiction: string;

  @Field(() => Int, { description: 'Year of the plan (年度).' })
  year: number;

  @Field(() => String, { nullable: true, description: 'Reporting period whose progress (进展情况) the ledger shows; null for the plan’s own ledger.' })
  period: string | null;

  @Field(() => Int, { description: 'Tasks (rows, 项) the ledger holds.' })
  taskCount: number;
}
