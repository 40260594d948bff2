import { connectionOf } from '../graphql/connection';
import { CollaboratorModel, UnitWorkloadModel } from './unit-graph.types';
import { UnitModel } from './unit.type';

export const { Connection: UnitConnection, ConnectionResolver: UnitConnectionResolver } = connectionOf(UnitModel, 'Unit', 'unit');
export const { Connection: WorkloadConnection, ConnectionResolver: WorkloadConnectionResolver } = connectionOf(UnitWorkloadModel, 'UnitWorkload', 'unit workload');
export const { Connection: CollaboratorConnection, ConnectionResolver: CollaboratorConnectionResolver } = connectionOf(CollaboratorModel, 'Collaborator', 'collaborator');
