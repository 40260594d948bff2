import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JurisdictionEntity } from './jurisdiction.entity';

/** One jurisdiction's year of work: the tasks of a 政府工作报告 and the reports on them. */
@Entity('plan')
@Index(['jurisdictionId', 'year'], { unique: true })
export class PlanEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'jurisdiction_id', type: 'int' })
  jurisdictionId: number;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_id' })
  jurisdiction?: JurisdictionEntity;

  @Column({ type: 'int' })
  year: number;
}
