import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@InputType('EventWhere', { description: 'Which events: every condition given must hold.' })
export class EventWhere {
  @Field(() => [String], { nullable: true, description: 'Only these types (`acknowledgeTask`, `importDocument` …).' })
  types?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only events about this task (Task.id).' })
  task?: string | null;
}

@ArgsType()
export class EventsArgs {
  @Field(() => Int, { nullable: true, description: 'Only events numbered after this one (the last number you saw); from the first when omitted.' })
  after?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many events, oldest first (1 to 500, default 100).' })
  first?: number | null;

  @Field(() => EventWhere, { nullable: true, description: 'Filter.' })
  where?: EventWhere | null;
}

@ArgsType()
export class EventStreamArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Replay the events numbered after this one from the log, then go on live; only events from now on when omitted.',
  })
  after?: number | null;

  @Field(() => EventWhere, { nullable: true, description: 'Filter.' })
  where?: EventWhere | null;
}
