import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * One definition of "today" for the supervision workflow: the district's
 * calendar date (Beijing time), whatever the server's or the session's time
 * zone. Rounds (opening, overdue), extension requests (on or before the
 * deadline) and closing all ask `duban_today()`, so they cannot disagree about
 * which day it is around midnight UTC. The setting `duban.today` fixes the
 * date for a drill or a test (DUBAN_TODAY, README "Configuration"); unset, it
 * is the real date.
 */
export class WorkflowToday1796500900000 implements MigrationInterface {
    name = 'WorkflowToday1796500900000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE FUNCTION duban_today() RETURNS date LANGUAGE sql STABLE AS $$
            SELECT COALESCE(NULLIF(current_setting('duban.today', true), '')::date, (now() AT TIME ZONE 'Asia/Shanghai')::date)
        $$`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP FUNCTION duban_today()`);
    }
}
