import { connectionOf } from '../graphql/connection';
import { UnitWorkloadModel } from './unit-graph.types';
import { UnitModel } from './unit.type';

export const { Connection: UnitConnection, ConnectionResolver: UnitConnectionResolver } = connectionOf(UnitModel, 'Unit', 'unit');
export const { Connection: WorkloadConnection, ConnectionResolver: WorkloadConnectionResolver } = connectionOf(UnitWorkloadModel, 'UnitWorkload', 'unit workload');
