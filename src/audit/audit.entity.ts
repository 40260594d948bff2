import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditDecision {
  ALLOWED = 'ALLOWED',
  REFUSED = 'REFUSED',
}

/**
 * One decision: a write that happened (with the object before and after)
 * or a request the policy refused. Append-only: a trigger (migration
 * AccountsPolicyAudit) refuses UPDATE, DELETE and TRUNCATE for every role,
 * so the application cannot rewrite its own history.
 */
@Entity('audit_log')
@Index(['at'])
@Index(['accountId', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** The account that asked; null for anonymous requests and the server's own shell (CLI). */
  @Column({ name: 'account_id', type: 'int', nullable: true })
  accountId: number | null;

  @Column({ name: 'key_prefix', type: 'text', nullable: true })
  keyPrefix: string | null;

  /** Who, in words: the account's name, `anonymous`, or `cli:<os user>`. */
  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'enum', enum: AuditDecision, enumName: 'audit_decision' })
  decision: AuditDecision;

  /** The policy rule that allowed or refused, by id (README "Policy"). */
  @Column({ type: 'text', nullable: true })
  rule: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Ids of what was acted on ({"task": 12, "unit": 3}). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  target: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress: string | null;
}
