import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../auth/account.entity';

/**
 * An uploaded original, byte for byte (POST /documents). Kept whether or not
 * it is imported, and never deleted: the file a document was imported from
 * is the evidence of what the office published. Keyed by the SHA-256 of its
 * bytes, which is also `document.content_hash` once imported, so the same
 * file uploaded twice is one row.
 */
@Entity('document_upload')
export class DocumentUploadEntity {
  @PrimaryColumn({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'bytea' })
  bytes: Buffer;

  @Column({ type: 'int' })
  size: number;

  /** What the bytes were read as (docx, html, xlsx, doc, text, prose): by content, never by name. */
  @Column({ type: 'text' })
  format: string;

  /** The name the uploader gave (X-Filename or ?filename=). */
  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** The first account that uploaded these bytes; null for the shell. */
  @Column({ name: 'uploaded_by', type: 'int', nullable: true })
  uploadedBy: number | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: AccountEntity;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
