import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../graphql/order';

export enum WorkloadOrderField {
  LEAD = 'LEAD',
  CO = 'CO',
  TOTAL = 'TOTAL',
  NAME = 'NAME',
}

registerEnumType(WorkloadOrderField, {
  name: 'WorkloadOrderField',
  description: 'What Query.workloads can be sorted by (工作量排序).',
  valuesConfig: {
    LEAD: { description: 'Tasks led (牵头单位).' },
    CO: { description: 'Tasks co-operated on (协同单位 / 配合单位): DESC answers “which units have the most co-unit tasks”.' },
    TOTAL: { description: 'Distinct tasks in any role (the default, DESC).' },
    NAME: { description: 'Canonical name of the unit (code-point order).' },
  },
});

@InputType({ description: 'One sort key for workloads (工作量排序). Ties are always broken by name, then id, so pages stay stable.' })
export class WorkloadOrder {
  @Field(() => WorkloadOrderField, { description: 'What to sort by.' })
  field: WorkloadOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'Direction (default DESC: the most loaded first).' })
  direction: OrderDirection;
}
