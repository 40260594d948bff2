import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';

@ObjectType('Category', { implements: Node, description: 'A work heading (工作任务, e.g. 协同共建双城经济圈) grouping key tasks of one plan.' })
export class CategoryModel extends Node {
  readonly __typename = 'Category';
  dbId: number;
  planId: number;

  @Field({ description: 'The heading as the document writes it.' })
  name: string;

  @Field(() => Int, { description: 'Order of first appearance in the plan, from 1.' })
  position: number;

  static fromRow(row: { id: number; plan_id: number; name: string; position: number }): CategoryModel {
    return Object.assign(new CategoryModel(), { dbId: row.id, planId: row.plan_id, name: row.name, position: row.position });
  }
}
