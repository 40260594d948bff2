import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 17 item 4: extension requests (延期申请) and closing (办结/销号), and the
 * two task columns the lights read from them. Written by hand; the names are
 * TypeORM's default naming strategy's, so test/db/migrations.test.ts sees no drift.
 */
export class ExtensionsAndClosing1796500400000 implements MigrationInterface {
    name = 'ExtensionsAndClosing1796500400000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Never written to task.due_source (an extension lives in extended_due_on), but TaskDue.source and
        // the due filter compare the worked-out source with the column's type.
        await queryRunner.query(`ALTER TYPE "public"."due_source" ADD VALUE IF NOT EXISTS 'EXTENSION'`);
        await queryRunner.query(`ALTER TABLE "task" ADD "extended_due_on" date`);
        await queryRunner.query(`ALTER TABLE "task" ADD "closed_on" date`);
        await queryRunner.query(`CREATE TYPE "public"."extension_state" AS ENUM('PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN')`);
        await queryRunner.query(`CREATE TABLE "extension_request" ("id" SERIAL NOT NULL, "task_id" integer NOT NULL, "unit_id" integer NOT NULL, "requested_by" integer, "state" "public"."extension_state" NOT NULL DEFAULT 'PENDING', "previous_due" date NOT NULL, "requested_due" date NOT NULL, "approved_due" date, "reason" text NOT NULL, "progress" text, "comment" text, "decided_by" integer, "version" integer NOT NULL DEFAULT '1', "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fa783aff51254a4e5739909d199" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_0f0aff26f61363b0beb71dbf1a" ON "extension_request" ("task_id", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_d28401a64f9df14c3a6990fff2" ON "extension_request" ("state", "id") `);
        await queryRunner.query(`CREATE TYPE "public"."closure_state" AS ENUM('OPEN', 'CLOSED')`);
        await queryRunner.query(`CREATE TABLE "task_closure" ("id" SERIAL NOT NULL, "task_id" integer NOT NULL, "state" "public"."closure_state" NOT NULL, "reason" text NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "reopened_at" TIMESTAMP WITH TIME ZONE, "account_id" integer, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_10f4f0d7bb49723197c3f38d6b4" UNIQUE ("task_id"), CONSTRAINT "PK_6c7ea85a7f34462cf9335ecea5f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "extension_request" ADD CONSTRAINT "FK_baa2fab8b112c0380a1a4c45b2b" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "extension_request" ADD CONSTRAINT "FK_d535c31576fb06d72f968889a96" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "extension_request" ADD CONSTRAINT "FK_f330f55f84c5fa26ac1e4b1f57d" FOREIGN KEY ("requested_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "extension_request" ADD CONSTRAINT "FK_cebf65eb3df02e20f92a522fcef" FOREIGN KEY ("decided_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_closure" ADD CONSTRAINT "FK_10f4f0d7bb49723197c3f38d6b4" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_closure" ADD CONSTRAINT "FK_f998ffeb2778ff81a3dcc002774" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "task_closure" DROP CONSTRAINT "FK_f998ffeb2778ff81a3dcc002774"`);
        await queryRunner.query(`ALTER TABLE "task_closure" DROP CONSTRAINT "FK_10f4f0d7bb49723197c3f38d6b4"`);
        await queryRunner.query(`ALTER TABLE "extension_request" DROP CONSTRAINT "FK_cebf65eb3df02e20f92a522fcef"`);
        await queryRunner.query(`ALTER TABLE "extension_request" DROP CONSTRAINT "FK_f330f55f84c5fa26ac1e4b1f57d"`);
        await queryRunner.query(`ALTER TABLE "extension_request" DROP CONSTRAINT "FK_d535c31576fb06d72f968889a96"`);
        await queryRunner.query(`ALTER TABLE "extension_request" DROP CONSTRAINT "FK_baa2fab8b112c0380a1a4c45b2b"`);
        await queryRunner.query(`DROP TABLE "task_closure"`);
        await queryRunner.query(`DROP TYPE "public"."closure_state"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d28401a64f9df14c3a6990fff2"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0f0aff26f61363b0beb71dbf1a"`);
        await queryRunner.query(`DROP TABLE "extension_request"`);
        await queryRunner.query(`DROP TYPE "public"."extension_state"`);
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "closed_on"`);
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "extended_due_on"`);
        // PostgreSQL cannot drop an enum value; EXTENSION stays in due_source, unused.
    }

}
