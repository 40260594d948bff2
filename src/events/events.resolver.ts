import { Args, Ctx, FieldResolver, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import { loadTask } from '../task/task.loaders';
import { TaskModel } from '../task/task.type';
import { checkAfter, eventFilter, MAX_EVENTS_PAGE, readEvents } from './event-query';
import type { EventRow } from './event-row';
import { eventStream } from './event-stream';
import { EventModel } from './event.type';
import { EventStreamArgs, EventsArgs } from './event.inputs';

@Resolver()
export class EventsQueryResolver {
  @Query(() => [EventModel], {
    description: 'The event log (事件), oldest first: the changes you may see (README “Events”). Page by passing the last `number` as `after`.',
  })
  async events(@Args() args: EventsArgs, @Ctx() ctx: RequestContext): Promise<EventModel[]> {
    const first = args.first ?? 100;
    if (!Number.isInteger(first) || first < 1 || first > MAX_EVENTS_PAGE) throw new BadUserInputError(`first must be 1 to ${MAX_EVENTS_PAGE}.`, 'first');
    const rows = await readEvents(ctx, ctx.principal, checkAfter(args.after), first, eventFilter(args.where));
    return rows.map(EventModel.fromRow);
  }
}

@Resolver()
export class EventsSubscriptionResolver {
  @Subscription(() => EventModel, {
    description: 'Events as they are committed (GraphQL over SSE at /graphql/stream, README “Events”): with `after`, the log after it first, then live.',
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      const a = args as EventStreamArgs;
      const filter = eventFilter(a.where);
      const after = a.after == null ? null : checkAfter(a.after);
      return eventStream(ctx.dataSource, ctx.principal, after, filter);
    },
  })
  events(@Root() row: EventRow, @Args() _args: EventStreamArgs): EventModel {
    return EventModel.fromRow(row);
  }
}

@Resolver(() => EventModel)
export class EventFieldsResolver {
  @FieldResolver(() => TaskModel, { nullable: true, description: 'The task the event is about, if any.' })
  task(@Root() event: EventModel, @Ctx() ctx: RequestContext): Promise<TaskModel> | null {
    return event.taskId == null ? null : loadTask(ctx, event.taskId);
  }
}
