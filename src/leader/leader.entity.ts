import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JurisdictionEntity } from '../plan/jurisdiction.entity';

/** A responsible district leader (责任区领导), name without the padding spaces ("陈  英" → 陈英). */
@Entity('leader')
@Index(['jurisdictionId', 'name'], { unique: true })
@Index('IDX_leader_name', ['name']) // name filters come without a jurisdiction (issue 7)
export class LeaderEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'jurisdiction_id', type: 'int' })
  jurisdictionId: number;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_id' })
  jurisdiction?: JurisdictionEntity;

  @Column({ type: 'text' })
  name: string;
}
