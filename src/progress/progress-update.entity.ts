import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentEntity } from '../document/document.entity';
import { ProgressReportEntity } from '../round/progress-report.entity';
import { TaskEntity } from '../task/task.entity';
import { ProgressStatus } from './progress-status';

/** One numbered item of a progress text (①②③…); unnumbered text is a single item with number null. */
export interface ProgressItem {
  number: number | null;
  text: string;
}

/**
 * What a task's progress is for one period (进展情况): from an imported report
 * (推进情况报告), or from a unit's report the office accepted in a round. One
 * row per task and period, so the two never count twice: whichever came later
 * holds the text (README "Supervision workflow", src/round/accepted-progress.ts).
 */
@Entity('progress_update')
@Index(['taskId', 'period'], { unique: true })
@Check('progress_update_source', '"document_id" IS NOT NULL OR "report_id" IS NOT NULL')
export class ProgressUpdateEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'task_id', type: 'int' })
  taskId: number;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskEntity;

  /** The imported report that covers the task for the period; null when only a round's report did. */
  @Index()
  @Column({ name: 'document_id', type: 'int', nullable: true })
  documentId: number | null;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: DocumentEntity;

  /** The accepted round report whose text the row holds; null when it is the document's own text. */
  @Index()
  @Column({ name: 'report_id', type: 'int', nullable: true })
  reportId: number | null;

  @ManyToOne(() => ProgressReportEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'report_id' })
  report?: ProgressReportEntity;

  /** 2021-Q1 */
  @Column({ type: 'text' })
  period: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb' })
  items: ProgressItem[];

  @Column({ type: 'enum', enum: ProgressStatus, enumName: 'progress_status' })
  status: ProgressStatus;

  /** Which rule set the status, in words, so an analyst can check it. */
  @Column({ name: 'status_reason', type: 'text' })
  statusReason: string;

  // Derived at import by percent-rules.ts (issue #10).
  /** Share of the task done (0–100) when the text states one (已完成总进度的43.3%); null otherwise. */
  @Column({ type: 'double precision', nullable: true })
  percent: number | null;

  /** The phrase(s) that gave `percent`. */
  @Column({ name: 'percent_reason', type: 'text', nullable: true })
  percentReason: string | null;
}
