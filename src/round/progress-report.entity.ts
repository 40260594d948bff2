import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProgressStatus } from '../progress/progress-status';
import { TaskEntity } from '../task/task.entity';
import { UnitEntity } from '../unit/unit.entity';
import { ReportState } from './report-state';
import { RoundEntity } from './round.entity';

/** A unit's correction of a derived value, kept beside it (README "Supervision workflow"). */
export interface ReportCorrection {
  field: 'status' | 'percent';
  derived: string | number | null;
  corrected: string | number;
  accountId: number | null;
  at: string;
}

/**
 * A lead unit's progress report (推进情况) on one task in one round: the
 * task-in-round of the workflow. One per round and task, whichever of the
 * task's lead units writes it.
 */
@Entity('progress_report')
@Index(['roundId', 'taskId'], { unique: true })
export class ProgressReportEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'round_id', type: 'int' })
  roundId: number;

  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: RoundEntity;

  @Index()
  @Column({ name: 'task_id', type: 'int' })
  taskId: number;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskEntity;

  /** The lead unit that wrote it. */
  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'enum', enum: ReportState, enumName: 'report_state' })
  state: ReportState;

  @Column({ type: 'text' })
  text: string;

  /** A reference to an attachment held elsewhere (a file number, a URL); never the file itself. */
  @Column({ type: 'text', nullable: true })
  attachment: string | null;

  /** Effective status: the unit's correction when it made one, else the derived one. */
  @Column({ type: 'enum', enum: ProgressStatus, enumName: 'progress_status' })
  status: ProgressStatus;

  @Column({ name: 'status_reason', type: 'text' })
  statusReason: string;

  @Column({ type: 'double precision', nullable: true })
  percent: number | null;

  @Column({ name: 'percent_reason', type: 'text', nullable: true })
  percentReason: string | null;

  // What the import's rules read off the text, kept even when the unit corrects it.
  @Column({ name: 'derived_status', type: 'enum', enum: ProgressStatus, enumName: 'progress_status' })
  derivedStatus: ProgressStatus;

  @Column({ name: 'derived_status_reason', type: 'text' })
  derivedStatusReason: string;

  @Column({ name: 'derived_percent', type: 'double precision', nullable: true })
  derivedPercent: number | null;

  @Column({ name: 'derived_percent_reason', type: 'text', nullable: true })
  derivedPercentReason: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  corrections: ReportCorrection[];

  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
