import type { GraphQLInputType, GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { authorizeExport } from './export-policy';
import { ledgerSections } from './ledger-export';
import { LedgerExportArgs, LedgerExportModel, LedgerFormatEnum } from './ledger-export.type';
import { checkLedgerParams, ledgerFileName, ledgerPath, resolveLedger } from './ledger-request';

@Resolver()
export class LedgerExportResolver {
  @Query(() => LedgerExportModel, {
    description:
      'The link to a ledger (台账) of a plan as Excel or CSV, for a filter: a frontend offers “export what I see”. ' +
      'Checked as the download is (the plan and the period’s report exist, the filter is within the limits), so the link works. ' +
      'Example — the 2021 first-quarter ledger of 凌健’s key tasks: ledgerExport(year: 2021, period: "2021-Q1", section: KEY_TASK, where: { leaders: { some: { name: { eq: "凌健" } } } }) { url taskCount }.',
  })
  async ledgerExport(@Args() args: LedgerExportArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<LedgerExportModel> {
    const params = checkLedgerParams({
      format: args.format === LedgerFormatEnum.CSV ? 'csv' : 'xlsx',
      year: args.year,
      jurisdiction: args.jurisdiction ?? null,
      section: args.section ?? null,
      period: args.period ?? null,
      where: args.where ?? null,
    });
    authorizeExport(ctx, params);
    const request = await resolveLedger(ctx, params);
    const sections = await ledgerSections(ctx, request);
    return {
      url: ledgerPath(request, info.schema.getType('TaskWhere') as GraphQLInputType),
      format: args.format,
      fileName: ledgerFileName(request),
      title: request.title,
      jurisdiction: request.jurisdictionName,
      year: request.year,
      period: request.period,
      taskCount: sections.reduce((n, s) => n + s.tasks, 0),
    };
  }
}
