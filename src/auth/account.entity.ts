import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LeaderEntity } from '../leader/leader.entity';
import { JurisdictionEntity } from '../plan/jurisdiction.entity';
import { UnitEntity } from '../unit/unit.entity';
import { AccountRole } from './account-role';

/**
 * Someone who may be told apart: a person, an office or an integration. A
 * UNIT account speaks for one unit, a LEADER account for one leader; both
 * then belong to that unit's or leader's jurisdiction. The table's CHECK
 * constraint (migration) holds that shape.
 */
@Entity('account')
@Check('CHK_account_binding', `(role = 'UNIT') = (unit_id IS NOT NULL) AND (role = 'LEADER') = (leader_id IS NOT NULL)`)
@Index(['oidcSubject'], { unique: true, where: 'oidc_subject IS NOT NULL' })
export class AccountEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: AccountRole, enumName: 'account_role' })
  role: AccountRole;

  @Column({ name: 'unit_id', type: 'int', nullable: true })
  unitId: number | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ name: 'leader_id', type: 'int', nullable: true })
  leaderId: number | null;

  @ManyToOne(() => LeaderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leader_id' })
  leader?: LeaderEntity;

  /** The district the account acts in; null for ADMIN/OFFICE/READER accounts of every district. */
  @Column({ name: 'jurisdiction_id', type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_id' })
  jurisdiction?: JurisdictionEntity;

  /** The identity provider's subject (OIDC `sub`, or the configured claim) this account is signed in as. */
  @Column({ name: 'oidc_subject', type: 'text', nullable: true })
  oidcSubject: string | null;

  /** A disabled account's keys and tokens are refused. */
  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Optimistic concurrency: every update states the version it read and bumps it (src/mutation/versioned-update.ts). */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
