import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 17: documents in through HTTP. `document_upload` keeps every
 * uploaded original (bytes, size, format, name, uploader) by its SHA-256;
 * `document.supersedes_id` links a corrected document to the one it
 * replaces, which stays with its file and rows (history is never deleted).
 */
export class DocumentUploads1796500200000 implements MigrationInterface {
    name = 'DocumentUploads1796500200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "document_upload" ("content_hash" character(64) NOT NULL, "bytes" bytea NOT NULL, "size" integer NOT NULL, "format" text NOT NULL, "file_name" text NOT NULL, "uploaded_by" integer, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_document_upload" PRIMARY KEY ("content_hash"))`);
        await queryRunner.query(`ALTER TABLE "document_upload" ADD CONSTRAINT "FK_edef3da15c2e19da29a4a946685" FOREIGN KEY ("uploaded_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document" ADD "supersedes_id" integer`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "UQ_document_supersedes" UNIQUE ("supersedes_id")`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "FK_62d0e41ee893bc2fffdc685c5f1" FOREIGN KEY ("supersedes_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "FK_62d0e41ee893bc2fffdc685c5f1"`);
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "UQ_document_supersedes"`);
        await queryRunner.query(`ALTER TABLE "document" DROP COLUMN "supersedes_id"`);
        await queryRunner.query(`ALTER TABLE "document_upload" DROP CONSTRAINT "FK_edef3da15c2e19da29a4a946685"`);
        await queryRunner.query(`DROP TABLE "document_upload"`);
    }

}
