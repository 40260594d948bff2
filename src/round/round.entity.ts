import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from '../auth/account.entity';
import { PlanEntity } from '../plan/plan.entity';
import { RoundState } from './round-state';

/** A reporting round (报送轮次): the office asks for every task's progress of one period of a plan. */
@Entity('reporting_round')
// One round per plan and period: a period's progress is one row per task (README "Supervision workflow").
@Index(['planId', 'period'], { unique: true })
export class RoundEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'plan_id', type: 'int' })
  planId: number;

  @ManyToOne(() => PlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;

  /** The period in the vocabulary of imported reports: 2024-Q1 (一季度), -Q2 (上半年), -Q3 (前三季度), -Q4 (全年). */
  @Column({ type: 'text' })
  period: string;

  @Column({ name: 'opens_on', type: 'date' })
  opensOn: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'enum', enum: RoundState, enumName: 'round_state' })
  state: RoundState;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'opened_by', type: 'int', nullable: true })
  openedBy: number | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by' })
  opener?: AccountEntity;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;
}
