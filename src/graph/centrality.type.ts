import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('Centrality', {
  description:
    'Where a unit sits in the collaboration graph (协同网络) of one year: units are joined when they share a task in any role (牵头单位 or 协同单位).',
})
export class CentralityModel {
  @Field(() => Int, { description: 'Degree: how many distinct units it shares at least one task with.' })
  degree: number;

  @Field(() => Int, { description: 'Weighted degree: tasks shared, summed over its partner units (a task with three partners counts three times).' })
  weightedDegree: number;

  @Field(() => Float, {
    description:
      'Betweenness: over all pairs of other units, the share of their shortest chains (counted in hops) that pass through this unit, summed. High = a broker between units that do not work together directly.',
  })
  betweenness: number;

  @Field(() => Int, { description: 'Rank by betweenness among the units of that year and jurisdiction (without the collectives when includeCollectives is false): 1 = the strongest broker; equal scores share a rank.' })
  rank: number;
}

@ObjectType('Community', { description: 'A group of units that work more with each other than with the rest (Louvain communities of the collaboration graph of one year).' })
export class CommunityModel {
  unitIds: number[];

  @Field(() => Int, { description: 'Community number: 1 = the largest; stable for the same data.' })
  number: number;

  @Field(() => Int, { description: 'Number of units in the community.' })
  size: number;
}
