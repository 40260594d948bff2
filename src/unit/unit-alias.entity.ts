import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UnitEntity } from './unit.entity';

/**
 * Another name of a unit (区文旅委 for 区文化旅游委). Unique per jurisdiction,
 * so a name can never point at two units.
 */
@Entity('unit_alias')
@Index(['jurisdictionId', 'alias'], { unique: true })
@Index('IDX_unit_alias_alias', ['alias']) // name filters come without a jurisdiction (issue 7)
export class UnitAliasEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ name: 'jurisdiction_id', type: 'int' })
  jurisdictionId: number;

  @Column({ type: 'text' })
  alias: string;
}
