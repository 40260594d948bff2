import { MigrationInterface, QueryRunner } from "typeorm";
import { storeSupervisionFacts } from "../src/risk/supervision-facts";

/**
 * Issue 17: reporting rounds, units' progress reports and co-units'
 * contributions; a progress row may now come from an accepted report as well
 * as from an imported document, still one row per task and period.
 */
export class ReportingRounds1796500300000 implements MigrationInterface {
    name = 'ReportingRounds1796500300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."round_state" AS ENUM('OPEN')`);
        await queryRunner.query(`CREATE TABLE "reporting_round" ("id" SERIAL NOT NULL, "plan_id" integer NOT NULL, "period" text NOT NULL, "opens_on" date NOT NULL, "due_on" date NOT NULL, "state" "public"."round_state" NOT NULL, "version" integer NOT NULL DEFAULT '1', "opened_by" integer, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6d46a33caebcd667aa0e884cb2e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_048cfa2cf7ec655fc3fdd67e10" ON "reporting_round" ("plan_id", "period")`);
        await queryRunner.query(`CREATE TYPE "public"."report_state" AS ENUM('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')`);
        await queryRunner.query(`CREATE TABLE "progress_report" ("id" SERIAL NOT NULL, "round_id" integer NOT NULL, "task_id" integer NOT NULL, "unit_id" integer NOT NULL, "state" "public"."report_state" NOT NULL, "text" text NOT NULL, "attachment" text, "status" "public"."progress_status" NOT NULL, "status_reason" text NOT NULL, "percent" double precision, "percent_reason" text, "derived_status" "public"."progress_status" NOT NULL, "derived_status_reason" text NOT NULL, "derived_percent" double precision, "derived_percent_reason" text, "corrections" jsonb NOT NULL DEFAULT '[]', "review_comment" text, "version" integer NOT NULL DEFAULT '1', "submitted_at" TIMESTAMP WITH TIME ZONE, "reviewed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de44d4f311d5a0132f49f9f0820" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_1beeaf414b43a87fdd1020f7ab" ON "progress_report" ("task_id")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_871b857f94908274a0be789af0" ON "progress_report" ("round_id", "task_id")`);
        await queryRunner.query(`CREATE TABLE "progress_contribution" ("id" SERIAL NOT NULL, "round_id" integer NOT NULL, "task_id" integer NOT NULL, "unit_id" integer NOT NULL, "text" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8b46e1ad8801da1fde7219838cb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_02a726a251bdd3cf6cf5d62c72" ON "progress_contribution" ("round_id", "task_id", "unit_id")`);
        // One progress row per task and period, whatever its source: an import and an accepted report never count twice.
        await queryRunner.query(`DROP INDEX "public"."IDX_b7e9347625ece9da0665289e9c"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ae60d68ee8f3ce92381f9d929e" ON "progress_update" ("task_id", "period")`);
        await queryRunner.query(`ALTER TABLE "progress_update" ADD "report_id" integer`);
        await queryRunner.query(`ALTER TABLE "progress_update" ALTER COLUMN "document_id" DROP NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_97bb0b27726282789d1dba3a16" ON "progress_update" ("report_id")`);
        await queryRunner.query(`ALTER TABLE "progress_update" ADD CONSTRAINT "progress_update_source" CHECK ("document_id" IS NOT NULL OR "report_id" IS NOT NULL)`);
        await queryRunner.query(`ALTER TABLE "reporting_round" ADD CONSTRAINT "FK_d84ffe6900ec6f831d27b2a3843" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reporting_round" ADD CONSTRAINT "FK_5e25856f6b2a7579d76ae544955" FOREIGN KEY ("opened_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "progress_report" ADD CONSTRAINT "FK_f5e7b7b091cdd170248316b582e" FOREIGN KEY ("round_id") REFERENCES "reporting_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "progress_report" ADD CONSTRAINT "FK_1beeaf414b43a87fdd1020f7ab6" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "progress_report" ADD CONSTRAINT "FK_97feb488c810806cea92ca49f86" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "progress_update" ADD CONSTRAINT "FK_97bb0b27726282789d1dba3a160" FOREIGN KEY ("report_id") REFERENCES "progress_report"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "progress_contribution" ADD CONSTRAINT "FK_2d059f12763c31190f0303c3c30" FOREIGN KEY ("round_id") REFERENCES "reporting_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "progress_contribution" ADD CONSTRAINT "FK_ced93bc8e28aa54bb2ec53fa35f" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "progress_contribution" ADD CONSTRAINT "FK_84503398aa4ac403dd8ba3295e4" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // The supervision facts of plans imported before SupervisionFacts1796419161371 (moved here: they read the tables above).
        // Not the stored light: its column and the columns it reads come later (TaskRiskLevel1796501000000 stores it).
        await storeSupervisionFacts(queryRunner, null, { riskLevel: false });
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "progress_contribution" DROP CONSTRAINT "FK_84503398aa4ac403dd8ba3295e4"`);
        await queryRunner.query(`ALTER TABLE "progress_contribution" DROP CONSTRAINT "FK_ced93bc8e28aa54bb2ec53fa35f"`);
        await queryRunner.query(`ALTER TABLE "progress_contribution" DROP CONSTRAINT "FK_2d059f12763c31190f0303c3c30"`);
        await queryRunner.query(`ALTER TABLE "progress_update" DROP CONSTRAINT "FK_97bb0b27726282789d1dba3a160"`);
        await queryRunner.query(`ALTER TABLE "progress_report" DROP CONSTRAINT "FK_97feb488c810806cea92ca49f86"`);
        await queryRunner.query(`ALTER TABLE "progress_report" DROP CONSTRAINT "FK_1beeaf414b43a87fdd1020f7ab6"`);
        await queryRunner.query(`ALTER TABLE "progress_report" DROP CONSTRAINT "FK_f5e7b7b091cdd170248316b582e"`);
        await queryRunner.query(`ALTER TABLE "reporting_round" DROP CONSTRAINT "FK_5e25856f6b2a7579d76ae544955"`);
        await queryRunner.query(`ALTER TABLE "reporting_round" DROP CONSTRAINT "FK_d84ffe6900ec6f831d27b2a3843"`);
        // Rows that only an accepted report gave cannot keep a NOT NULL document_id.
        await queryRunner.query(`DELETE FROM "progress_update" WHERE "document_id" IS NULL`);
        await queryRunner.query(`ALTER TABLE "progress_update" DROP CONSTRAINT "progress_update_source"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_97bb0b27726282789d1dba3a16"`);
        await queryRunner.query(`ALTER TABLE "progress_update" ALTER COLUMN "document_id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "progress_update" DROP COLUMN "report_id"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ae60d68ee8f3ce92381f9d929e"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b7e9347625ece9da0665289e9c" ON "progress_update" ("task_id", "document_id")`);
        await queryRunner.query(`DROP INDEX "public"."IDX_02a726a251bdd3cf6cf5d62c72"`);
        await queryRunner.query(`DROP TABLE "progress_contribution"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_871b857f94908274a0be789af0"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1beeaf414b43a87fdd1020f7ab"`);
        await queryRunner.query(`DROP TABLE "progress_report"`);
        await queryRunner.query(`DROP TYPE "public"."report_state"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_048cfa2cf7ec655fc3fdd67e10"`);
        await queryRunner.query(`DROP TABLE "reporting_round"`);
        await queryRunner.query(`DROP TYPE "public"."round_state"`);
    }

}
