import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentEntity } from '../document/document.entity';
import { PlanEntity } from '../plan/plan.entity';
import { CategoryEntity } from './category.entity';
import { ProgressStatus } from '../progress/progress-status';
import { DueSource } from './due-rules';
import { Section } from './section';

/** One numbered row of a plan's table. (plan, section, number) is what reports match on. */
@Entity('task')
@Index(['planId', 'section', 'number'], { unique: true })
export class TaskEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'plan_id', type: 'int' })
  planId: number;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;

  @Column({ type: 'enum', enum: Section, enumName: 'section' })
  section: Section;

  /** 序号 */
  @Column({ type: 'int' })
  number: number;

  @Index()
  @Column({ name: 'category_id', type: 'int', nullable: true })
  categoryId: number | null;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: CategoryEntity;

  /** 项目名称 of a livelihood project; null where the table has no title column. */
  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text' })
  content: string;

  /** The document that defined the task (the plan, or the first report when no plan exists). */
  @Index()
  @Column({ name: 'document_id', type: 'int' })
  documentId: number;

  @ManyToOne(() => DocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: DocumentEntity;

  /** Line of the row's first cell in the source file, for tracing a value back. */
  @Column({ name: 'source_line', type: 'int' })
  sourceLine: number;

  // Derived at import from the task's own text by due-rules.ts (issue #10); stored so filters and statistics stay plain SQL.
  /**
   * Deadline (完成时限): the date the text sets, else 31 December of the plan's year.
   * Null only inside the importing transaction, between the task insert and the derivation.
   */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ name: 'due_source', type: 'enum', enum: DueSource, enumName: 'due_source', default: DueSource.PLAN_YEAR_END })
  dueSource: DueSource;

  /** The deadline words matched in the text (6月底前 …); empty when the plan year's end applies. */
  @Column({ name: 'due_words', type: 'text', array: true, default: '{}' })
  dueWords: string[];

  // What the supervision rules (src/risk/) read, stored by storeSupervisionFacts in the importing
  // transaction so that taskStats, history and the risk filter read columns instead of re-deriving
  // each task's newest update and its plan's reports on every call.
  /** Status of the newest update in period order, as Task.latestProgress; null without updates. */
  @Column({ name: 'latest_status', type: 'enum', enum: ProgressStatus, enumName: 'progress_status', nullable: true })
  latestStatus: ProgressStatus | null;

  /** Percent stated by that update. */
  @Column({ name: 'latest_percent', type: 'double precision', nullable: true })
  latestPercent: number | null;

  /** Status of the task's update in the newest report of its plan (by report date) that covers it: what the lights judge at the plan's default date. */
  @Column({ name: 'reported_status', type: 'enum', enum: ProgressStatus, enumName: 'progress_status', nullable: true })
  reportedStatus: ProgressStatus | null;

  /** Percent stated by that update. */
  @Column({ name: 'reported_percent', type: 'double precision', nullable: true })
  reportedPercent: number | null;

  /** The newest report of the plan has an update on the task. */
  @Column({ name: 'in_latest_report', type: 'boolean', default: false })
  inLatestReport: boolean;

  /** The report before it has one. */
  @Column({ name: 'in_previous_report', type: 'boolean', default: false })
  inPreviousReport: boolean;

  // The office's decisions the lights read (issue 17), stored by storeWorkflowFacts (src/risk/supervision-facts.ts)
  // in the deciding mutation's transaction, beside the columns above, so the risk filter stays a read of the row.
  /** The deadline an approved extension (延期) fixed; null without one. It wins over due_on. */
  @Column({ name: 'extended_due_on', type: 'date', nullable: true })
  extendedDueOn: string | null;

  /** The day (Beijing time) the office closed the task (办结); null while it is open. */
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  /**
   * The light (RED, YELLOW, GREEN, UNKNOWN) these facts give at the plan's default date. The importer
   * writes a task, then its facts and light in the same transaction (and every other writer
   * of what the light reads refreshes it in its own: storeWorkflowFacts, accepted progress): the default is never what a
   * committed row holds.
   */
  @Column({ name: 'risk_level', type: 'text', default: 'UNKNOWN' })
  riskLevel: string;
}
