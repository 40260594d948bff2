import { MigrationInterface, QueryRunner } from "typeorm";
import { storeDerivedSignals } from "../src/progress/derived-signals";
import { deriveStatus } from "../src/progress/status-rules";

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
        // The status rules now read livelihood projects reporting only preparatory work as NOT_STARTED; re-judge those rows.
        const rows: { id: number; text: string; section: any }[] = await queryRunner.query(`SELECT pu.id, pu.text, t.section FROM progress_update pu JOIN task t ON t.id = pu.task_id WHERE t.section = 'LIVELIHOOD'`);
        for (const row of rows) {
            const verdict = deriveStatus(row.text, row.section);
            await queryRunner.query(`UPDATE progress_update SET status = $2::progress_status, status_reason = $3 WHERE id = $1`, [row.id, verdict.status, verdict.reason]);
        }
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
