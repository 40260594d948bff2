import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TaskEntity } from '../task/task.entity';
import { UnitEntity } from '../unit/unit.entity';
import { RoundEntity } from './round.entity';

/** A co-unit's contribution (配合单位推进情况) to a task's report in a round: one per unit, rewritten as it changes. */
@Entity('progress_contribution')
@Index(['roundId', 'taskId', 'unitId'], { unique: true })
export class ProgressContributionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'round_id', type: 'int' })
  roundId: number;

  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: RoundEntity;

  @Column({ name: 'task_id', type: 'int' })
  taskId: number;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskEntity;

  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'text' })
  text: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
