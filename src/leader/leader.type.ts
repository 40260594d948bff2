import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';

@ObjectType('Leader', { implements: Node, description: 'A responsible district leader (责任区领导 / 责任领导).' })
export class LeaderModel extends Node {
  readonly __typename = 'Leader';
  dbId: number;

  @Field({ description: 'Name without the padding spaces Word adds to two-character names ("陈  英" → 陈英).' })
  name: string;

  static fromRow(row: { id: number; name: string }): LeaderModel {
    return Object.assign(new LeaderModel(), { dbId: row.id, name: row.name });
  }
}
