import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JurisdictionEntity } from '../plan/jurisdiction.entity';
import { UnitKind } from './unit-kind';

/** A responsible body under its canonical name. Other spellings live in unit_alias. */
@Entity('unit')
@Index(['jurisdictionId', 'name'], { unique: true })
@Index('IDX_unit_name', ['name']) // name filters come without a jurisdiction (issue 7)
export class UnitEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'jurisdiction_id', type: 'int' })
  jurisdictionId: number;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_id' })
  jurisdiction?: JurisdictionEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: UnitKind, enumName: 'unit_kind' })
  kind: UnitKind;

  /** True for names the registry did not know: imported as written, waiting for a reviewer. */
  @Column({ name: 'needs_review', type: 'boolean', default: false })
  needsReview: boolean;
}
