import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from '../auth/account.entity';
import { TaskEntity } from '../task/task.entity';
import { UnitEntity } from '../unit/unit.entity';
import { ExtensionState } from './extension-state';

/**
 * A lead unit's request to move a task's deadline (延期申请), and the office's
 * answer. Rows are never deleted: a refused or withdrawn request stays part of
 * the task's record. An approved one sets the task's deadline
 * (task.extended_due_on, stored by storeWorkflowFacts).
 */
@Entity('extension_request')
@Index(['taskId', 'state'])
@Index(['state', 'id'])
export class ExtensionRequestEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'task_id', type: 'int' })
  taskId: number;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskEntity;

  /** The requesting unit (a lead unit of the task). */
  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ name: 'requested_by', type: 'int', nullable: true })
  requestedBy: number | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by' })
  requester?: AccountEntity;

  @Column({ type: 'enum', enum: ExtensionState, enumName: 'extension_state', default: ExtensionState.PENDING })
  state: ExtensionState;

  /** The task's deadline when the request was made: what the request asks to move. */
  @Column({ name: 'previous_due', type: 'date' })
  previousDue: string;

  @Column({ name: 'requested_due', type: 'date' })
  requestedDue: string;

  /** The date the office fixed; null until approved. */
  @Column({ name: 'approved_due', type: 'date', nullable: true })
  approvedDue: string | null;

  @Column({ type: 'text' })
  reason: string;

  /** 当前进展: what the unit says is done so far. */
  @Column({ type: 'text', nullable: true })
  progress: string | null;

  /** The office's comment (审批意见), or the unit's when it withdraws. */
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy: number | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by' })
  decider?: AccountEntity;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
