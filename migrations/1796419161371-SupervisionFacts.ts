import { MigrationInterface, QueryRunner } from "typeorm";

export class SupervisionFacts1796419161371 implements MigrationInterface {
    name = 'SupervisionFacts1796419161371'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "plan" ADD "report_count" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "plan" ADD "default_as_of" date`);
        await queryRunner.query(`ALTER TABLE "task" ADD "latest_status" "public"."progress_status"`);
        await queryRunner.query(`ALTER TABLE "task" ADD "latest_percent" double precision`);
        await queryRunner.query(`ALTER TABLE "task" ADD "reported_status" "public"."progress_status"`);
        await queryRunner.query(`ALTER TABLE "task" ADD "reported_percent" double precision`);
        await queryRunner.query(`ALTER TABLE "task" ADD "in_latest_report" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "task" ADD "in_previous_report" boolean NOT NULL DEFAULT false`);
        // Plans and tasks imported before this migration get their facts in ReportingRounds1796500300000:
        // storeSupervisionFacts reads the rounds' tables since then, which do not exist yet here.
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "in_previous_report"`);
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "in_latest_report"`);
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "reported_percent"`);
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "reported_status"`);
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "latest_percent"`);
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "latest_status"`);
        await queryRunner.query(`ALTER TABLE "plan" DROP COLUMN "default_as_of"`);
        await queryRunner.query(`ALTER TABLE "plan" DROP COLUMN "report_count"`);
    }

}
