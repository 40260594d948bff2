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

  // Stored by storeSupervisionFacts (src/risk/) in the importing transaction, for the supervision rules.
  /** Progress reports of the plan. */
  @Column({ name: 'report_count', type: 'int', default: 0 })
  reportCount: number;

  /** The date its tasks are judged at by default: the newest report's, else the plan document's, else 1 January. Null only before the first import has stored it. */
  @Column({ name: 'default_as_of', type: 'date', nullable: true })
  defaultAsOf: string | null;
}
