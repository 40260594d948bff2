import type { RequestContext } from '../graphql/context';
import { loadUnitsNamed } from '../unit/unit-lookup';
import { UnitModel } from '../unit/unit.type';
import { BadUserInputError } from '../graphql/errors';
import { CentralityModel, CommunityModel } from './centrality.type';
import { graphOfJurisdiction, graphOfUnitInYear } from './graph-cache';
import { PathHopModel, UnitPathModel } from './unit-path.type';

export const MIN_HOPS = 1;
export const MAX_HOPS = 8;

export async function centralityOf(ctx: RequestContext, unitId: number, year: number, includeCollectives = true): Promise<CentralityModel | null> {
  const graph = await graphOfUnitInYear(ctx, unitId, year);
  const centrality = await graph?.centrality(unitId, includeCollectives);
  return centrality ? Object.assign(new CentralityModel(), centrality) : null;
}

export async function communityOf(ctx: RequestContext, unitId: number, year: number): Promise<CommunityModel | null> {
  const graph = await graphOfUnitInYear(ctx, unitId, year);
  const community = await graph?.community(unitId);
  return community ? Object.assign(new CommunityModel(), { number: community.number, size: community.unitIds.length, unitIds: community.unitIds }) : null;
}

/** One end of a path: a name meaning no unit, or units of several jurisdictions, is the client's mistake. */
async function namedUnit(ctx: RequestContext, name: string, argument: 'from' | 'to') {
  const found = await loadUnitsNamed(ctx, name, null);
  if (found.length === 0) throw new BadUserInputError(`\`${argument}\`: no unit is named “${name}” (canonical name or alias).`, argument);
  if (found.length > 1) {
    throw new BadUserInputError(`\`${argument}\`: “${name}” names units in several jurisdictions (${found.map((r) => r.jurisdiction).join(', ')}); a path runs within one.`, argument);
  }
  return { unit: UnitModel.fromRow(found[0]), jurisdictionId: found[0].jurisdiction_id };
}

/**
 * Query.unitPath: both names resolved in one statement, then a shortest
 * chain in the cached graph of the units' jurisdiction (one year, or all
 * years merged). Units of different jurisdictions share no task: null.
 */
export async function unitPath(ctx: RequestContext, args: { from: string; to: string; year?: number | null; maxHops: number }): Promise<UnitPathModel | null> {
  if (!Number.isInteger(args.maxHops) || args.maxHops < MIN_HOPS || args.maxHops > MAX_HOPS) {
    throw new BadUserInputError(`\`maxHops\` must be between ${MIN_HOPS} and ${MAX_HOPS} (got ${args.maxHops}).`, 'maxHops');
  }
  const [from, to] = await Promise.all([namedUnit(ctx, args.from, 'from'), namedUnit(ctx, args.to, 'to')]);
  if (from.jurisdictionId !== to.jurisdictionId) return null;
  const graph = await graphOfJurisdiction(ctx, from.jurisdictionId, args.year ?? null);
  const path = await graph?.path(from.unit.dbId, to.unit.dbId, args.maxHops);
  if (!path) return null;
  return Object.assign(new UnitPathModel(), {
    unitIds: path.unitIds,
    hops: path.hops.map((h) => Object.assign(new PathHopModel(), { fromId: h.from, toId: h.to, taskIds: h.tasks })),
  });
}
