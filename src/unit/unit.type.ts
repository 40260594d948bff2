import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';
import { UnitKind } from './unit-kind';

/** A unit row; its columns in order are UNIT_FIELDS (unit-json.sql.ts). */
export interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  needs_review: boolean;
}

@ObjectType('Unit', { implements: Node, description: 'A responsible body: a lead unit (牵头单位) or co-unit (协同单位 / 配合单位) of tasks, under its canonical name.' })
export class UnitModel extends Node {
  readonly __typename = 'Unit';
  dbId: number;

  @Field({ description: 'Canonical name from the unit registry (e.g. 区文化旅游委).' })
  name: string;

  @Field(() => UnitKind, { description: 'What sort of body it is.' })
  kind: UnitKind;

  @Field({ description: 'True when the registry did not know the name: imported as written, waiting for review.' })
  needsReview: boolean;

  static fromRow(row: UnitRow): UnitModel {
    return Object.assign(new UnitModel(), { dbId: row.id, name: row.name, kind: row.kind, needsReview: row.needs_review });
  }
}
