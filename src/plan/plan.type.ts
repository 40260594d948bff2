import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';

@ObjectType('Plan', { implements: Node, description: "One jurisdiction's year of work: the tasks of a 政府工作报告 and the progress reports on them." })
export class PlanModel extends Node {
  readonly __typename = 'Plan';
  dbId: number;

  @Field({ description: 'Jurisdiction (e.g. 重庆市沙坪坝区).' })
  jurisdiction: string;

  @Field(() => Int, { description: 'Year of the work report (e.g. 2024).' })
  year: number;

  static fromRow(row: { id: number; jurisdiction: string; year: number }): PlanModel {
    return Object.assign(new PlanModel(), { dbId: row.id, jurisdiction: row.jurisdiction, year: row.year });
  }
}
