import { MigrationInterface, QueryRunner } from "typeorm";
import { storeDerivedSignals } from "../src/progress/derived-signals";

export class SupervisionSignals1795307022158 implements MigrationInterface {
    name = 'SupervisionSignals1795307022158'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "task" ADD "due_on" date`);
        await queryRunner.query(`CREATE TYPE "public"."due_source" AS ENUM('TEXT', 'PLAN_YEAR_END')`);
        await queryRunner.query(`ALTER TABLE "task" ADD "due_source" "public"."due_source" NOT NULL DEFAULT 'PLAN_YEAR_END'`);
        await queryRunner.query(`ALTER TABLE "task" ADD "due_words" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "progress_update" ADD "percent" double precision`);
        await queryRunner.query(`ALTER TABLE "progress_update" ADD "percent_reason" text`);
        // Rows imported before this migration get their deadlines and percents now, by the same rules as an import.
        await storeDerivedSignals(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "progress_update" DROP COLUMN "percent_reason"`);
        await queryRunner.query(`ALTER TABLE "progress_update" DROP COLUMN "percent"`);
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "due_words"`);
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "due_source"`);
        await queryRunner.query(`DROP TYPE "public"."due_source"`);
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "due_on"`);
    }

}
