import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlanEntity } from '../plan/plan.entity';
import { DocumentKind } from './document-kind';

/** An imported source document. The content hash makes re-imports no-ops. */
@Entity('document')
// issue #10: the risk rules look up a plan's progress reports for every task they judge.
@Index(['planId', 'kind'])
export class DocumentEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'plan_id', type: 'int' })
  planId: number;

  @ManyToOne(() => PlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;

  @Column({ type: 'enum', enum: DocumentKind, enumName: 'document_kind' })
  kind: DocumentKind;

  @Column({ type: 'text' })
  title: string;

  /** 文号 such as 沙府办发〔2024〕6号, or the issue number of a bulletin (第15期). */
  @Column({ type: 'text', nullable: true })
  number: string | null;

  @Column({ type: 'text', nullable: true })
  issuer: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ type: 'int' })
  year: number;

  /** Reporting period of a progress report, e.g. 2021-Q1; null for plans. */
  @Column({ type: 'text', nullable: true })
  period: string | null;

  @Column({ name: 'content_hash', type: 'char', length: 64, unique: true })
  contentHash: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** What the parser warned about this document (line, message): kept so a reviewer can read it later. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: { line: number; message: string }[];

  /** Named checks the user overrode for this import (--allow stated-count …); empty for a regular document. */
  @Column({ name: 'allowed_checks', type: 'text', array: true, default: () => "'{}'" })
  allowedChecks: string[];

  /**
   * The document this one corrects (importUpload's `supersedes`): the corrected version defines the
   * plan's tasks from now on; the old document and its file stay. At most one correction per document.
   */
  @Column({ name: 'supersedes_id', type: 'int', nullable: true, unique: true })
  supersedesId: number | null;

  @OneToOne(() => DocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: DocumentEntity;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;
}
