import { MigrationInterface, QueryRunner } from "typeorm";

export class SupervisionReportLookupIndex1795308432192 implements MigrationInterface {
    name = 'SupervisionReportLookupIndex1795308432192'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_758c7646603ac2b297708ebc6a" ON "document"  ("plan_id", "kind") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_758c7646603ac2b297708ebc6a"`);
    }

}
