import { MigrationInterface, QueryRunner } from "typeorm";
import { storeSupervisionFacts } from "../src/risk/supervision-facts";

export class TaskRiskLevel1796500100000 implements MigrationInterface {
    name = 'TaskRiskLevel1796500100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "task" ADD "risk_level" text NOT NULL DEFAULT 'UNKNOWN'`);
        // Tasks imported before this migration get their light now, as an import stores it.
        await storeSupervisionFacts(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "risk_level"`);
    }

}
