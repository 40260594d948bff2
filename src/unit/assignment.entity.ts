import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TaskEntity } from '../task/task.entity';
import { Role } from './role';
import { UnitEntity } from './unit.entity';

/** A unit named in a task's lead or co-unit cell: the edge of the responsibility graph. */
@Entity('assignment')
@Index(['taskId', 'role', 'unitId'], { unique: true })
@Index(['unitId', 'role'])
export class AssignmentEntity {
  @PrimaryGeneratedColumn()
  id: number;

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

  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  /** Order within the cell, from 1. */
  @Column({ type: 'int' })
  position: number;

  /** The parenthesised body the unit acts as here: 区商务委（区招商中心） → 区招商中心. */
  @Column({ name: 'acting_as', type: 'text', nullable: true })
  actingAs: string | null;

  /** The name exactly as the document wrote it (before alias resolution). */
  @Column({ name: 'written_as', type: 'text' })
  writtenAs: string;
}
