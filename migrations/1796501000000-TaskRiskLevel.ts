import { MigrationInterface, QueryRunner } from "typeorm";
import { storeSupervisionFacts } from "../src/risk/supervision-facts";

/**
 * The stored light (task.risk_level). Last of the migrations on purpose: the light reads what
 * ReportingRounds1796500300000 (rounds as reports) and ExtensionsAndClosing1796500400000
 * (task.extended_due_on, task.closed_on) add, so it can only be worked out once they exist.
 * The migrations before it store the supervision facts with `riskLevel: false`.
 */
export class TaskRiskLevel1796501000000 implements MigrationInterface {
    name = 'TaskRiskLevel1796501000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "task" ADD "risk_level" text NOT NULL DEFAULT 'UNKNOWN'`);
        // Tasks imported (and extended, closed, reported in rounds) before this migration get their light now.
        await storeSupervisionFacts(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "risk_level"`);
    }

}
