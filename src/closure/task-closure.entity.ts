import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from '../auth/account.entity';
import { TaskEntity } from '../task/task.entity';
import { ClosureState } from './closure-state';

/**
 * Whether the office closed a task (办结/销号), one row per task that was ever
 * closed; a task without a row is open. The row holds the latest transition
 * (its reason, who, when); earlier ones are in the audit trail with before/after.
 */
@Entity('task_closure')
export class TaskClosureEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'task_id', type: 'int', unique: true })
  taskId: number;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskEntity;

  @Column({ type: 'enum', enum: ClosureState, enumName: 'closure_state' })
  state: ClosureState;

  /** Why it was closed, or reopened (办结理由 / 重新打开理由). */
  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt: Date | null;

  @Column({ name: 'account_id', type: 'int', nullable: true })
  accountId: number | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column({ type: 'int', default: 1 })
  version: number;
}
