import { MigrationInterface, QueryRunner } from "typeorm";

export class DocumentWarningsAndAllowedChecks1795307188608 implements MigrationInterface {
    name = 'DocumentWarningsAndAllowedChecks1795307188608'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "document" ADD "warnings" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`ALTER TABLE "document" ADD "allowed_checks" text array NOT NULL DEFAULT '{}'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "document" DROP COLUMN "allowed_checks"`);
        await queryRunner.query(`ALTER TABLE "document" DROP COLUMN "warnings"`);
    }

}
