import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a mutation sent with an idempotency key, per account:
 * a replay (the client retrying after a lost response) gets this answer
 * instead of doing the work twice. Written in the mutation's transaction.
 */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'account_id', type: 'int' })
  accountId: number;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** The mutation field the key was first used with. */
  @Column({ type: 'text' })
  mutation: string;

  /** SHA-256 of the mutation's input: the same key with another input is the client's mistake. */
  @Column({ name: 'input_hash', type: 'bytea' })
  inputHash: Buffer;

  @Column({ type: 'jsonb' })
  response: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
