import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';
import { Section } from './section';

/** Columns every task query selects (see taskColumns in task-columns.sql.ts). */
export interface TaskRow {
  id: number;
  plan_id: number;
  year: number;
  section: Section;
  number: number;
  category_id: number | null;
  title: string | null;
  content: string;
  document_id: number;
  source_line: number;
}

@ObjectType('Task', { implements: Node, description: 'One numbered row of a plan: a target, a livelihood project or a key task, with who is responsible for it.' })
export class TaskModel extends Node {
  readonly __typename = 'Task';
  dbId: number;
  planId: number;
  categoryId: number | null;
  documentId: number;

  @Field(() => Int, { description: 'Row number in its table (序号).' })
  number: number;

  @Field(() => Int, { description: 'Year of the plan the task belongs to.' })
  year: number;

  @Field(() => Section, { description: 'Table the task comes from.' })
  section: Section;

  @Field(() => String, { nullable: true, description: 'Project name (项目名称) of a livelihood project; null elsewhere.' })
  title: string | null;

  @Field({ description: 'The task itself, as the document words it (任务 / 具体任务 / 预期目标).' })
  content: string;

  @Field(() => Int, { description: 'Line of the row in the source document, to check a value against the original.' })
  sourceLine: number;

  static fromRow(row: TaskRow): TaskModel {
    return Object.assign(new TaskModel(), {
      dbId: row.id,
      planId: row.plan_id,
      categoryId: row.category_id,
      documentId: row.document_id,
      number: row.number,
      year: row.year,
      section: row.section,
      title: row.title,
      content: row.content,
      sourceLine: row.source_line,
    });
  }
}
