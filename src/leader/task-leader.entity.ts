import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TaskEntity } from '../task/task.entity';
import { LeaderEntity } from './leader.entity';

/** A leader named in a task's 责任领导 cell, in cell order. */
@Entity('task_leader')
@Index(['leaderId'])
export class TaskLeaderEntity {
  @PrimaryColumn({ name: 'task_id', type: 'int' })
  taskId: number;

  @PrimaryColumn({ name: 'leader_id', type: 'int' })
  leaderId: number;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskEntity;

  @ManyToOne(() => LeaderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leader_id' })
  leader?: LeaderEntity;

  @Column({ type: 'int' })
  position: number;
}
