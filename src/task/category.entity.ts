import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlanEntity } from '../plan/plan.entity';

/** A 工作任务 heading grouping key tasks of one plan (协同共建双城经济圈). */
@Entity('category')
@Index(['planId', 'name'], { unique: true })
export class CategoryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'plan_id', type: 'int' })
  planId: number;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;

  @Column({ type: 'text' })
  name: string;

  /** Order of first appearance in the document. */
  @Column({ type: 'int' })
  position: number;
}
