import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentEntity } from '../document/document.entity';
import { TaskEntity } from '../task/task.entity';
import { ProgressStatus } from './progress-status';

/** One numbered item of a progress text (①②③…); unnumbered text is a single item with number null. */
export interface ProgressItem {
  number: number | null;
  text: string;
}

/** What one progress report (推进情况报告) says about one task. */
@Entity('progress_update')
@Index(['taskId', 'documentId'], { unique: true })
export class ProgressUpdateEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'task_id', type: 'int' })
  taskId: number;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskEntity;

  @Index()
  @Column({ name: 'document_id', type: 'int' })
  documentId: number;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: DocumentEntity;

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
