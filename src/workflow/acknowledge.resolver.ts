import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { idOf } from '../graphql/id-input';
import { MutationPayload } from '../mutation/payload.type';
import { loadTask } from '../task/task.loaders';
import { TaskModel } from '../task/task.type';
import { loadUnit } from '../unit/unit.loaders';
import { UnitModel } from '../unit/unit.type';
import { acknowledgeTask } from './acknowledge.mutation';
import { AcknowledgeTaskInput } from './acknowledge.inputs';
import { AcknowledgementModel } from './acknowledgement.type';
import { loadAcknowledgement, loadAcknowledgementsOfTask } from './acknowledgement.loaders';

@ObjectType('AcknowledgeTaskPayload', { description: 'The answer to acknowledgeTask.' })
export class AcknowledgeTaskPayload extends MutationPayload {
  taskId: number | null;
  acknowledgementId: number | null;
}

@Resolver()
export class AcknowledgeTaskResolver {
  @Mutation(() => AcknowledgeTaskPayload, { description: 'Signs for a task for your unit (签收): UNIT accounts, for tasks their unit leads or co-operates on.' })
  async acknowledgeTask(@Arg('input', () => AcknowledgeTaskInput, { description: 'What to do (one input object, Relay style).' }) input: AcknowledgeTaskInput, @Ctx() ctx: RequestContext): Promise<AcknowledgeTaskPayload> {
    const payload = await acknowledgeTask(ctx, { taskId: idOf('Task', input.task, 'task'), note: input.note, idempotencyKey: input.idempotencyKey });
    return Object.assign(new AcknowledgeTaskPayload(), payload);
  }
}

@Resolver(() => AcknowledgeTaskPayload)
export class AcknowledgeTaskPayloadFieldsResolver {
  @FieldResolver(() => TaskModel, { nullable: true, description: 'The task; null when refused.' })
  task(@Root() payload: AcknowledgeTaskPayload, @Ctx() ctx: RequestContext): Promise<TaskModel> | null {
    return payload.taskId == null ? null : loadTask(ctx, payload.taskId);
  }

  @FieldResolver(() => AcknowledgementModel, { nullable: true, description: 'The receipt; null when refused.' })
  acknowledgement(@Root() payload: AcknowledgeTaskPayload, @Ctx() ctx: RequestContext): Promise<AcknowledgementModel> | null {
    return payload.acknowledgementId == null ? null : loadAcknowledgement(ctx, payload.acknowledgementId);
  }
}

@Resolver(() => AcknowledgementModel)
export class AcknowledgementFieldsResolver {
  @FieldResolver(() => TaskModel, { description: 'The task signed for.' })
  task(@Root() ack: AcknowledgementModel, @Ctx() ctx: RequestContext): Promise<TaskModel> {
    return loadTask(ctx, ack.taskId);
  }

  @FieldResolver(() => UnitModel, { description: 'The unit that signed (签收单位).' })
  unit(@Root() ack: AcknowledgementModel, @Ctx() ctx: RequestContext): Promise<UnitModel> {
    return loadUnit(ctx, ack.unitId);
  }
}

@Resolver(() => TaskModel)
export class TaskAcknowledgementsResolver {
  @FieldResolver(() => [AcknowledgementModel], { description: 'The units that signed for the task (签收), first first; a unit assigned but missing here has not.' })
  acknowledgements(@Root() task: TaskModel, @Ctx() ctx: RequestContext): Promise<AcknowledgementModel[]> {
    return loadAcknowledgementsOfTask(ctx, task.dbId);
  }
}
