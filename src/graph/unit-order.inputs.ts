import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../graphql/order';

export enum UnitOrderField {
  NAME = 'NAME',
  BETWEENNESS = 'BETWEENNESS',
}

registerEnumType(UnitOrderField, {
  name: 'UnitOrderField',
  description: 'What units can be sorted by.',
  valuesConfig: {
    NAME: { description: 'Canonical name (code-point order).' },
    BETWEENNESS: { description: 'Betweenness in the collaboration graph (协同网络) of `year`: DESC lists the brokers first. Needs `year`.' },
  },
});

@InputType({ description: 'One sort key for units. Ties are always broken by name, then id, so pages are stable.' })
export class UnitOrder {
  @Field(() => UnitOrderField, { description: 'What to sort by.' })
  field: UnitOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction (default ASC).' })
  direction: OrderDirection;
}
