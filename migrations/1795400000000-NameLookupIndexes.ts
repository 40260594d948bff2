import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name filters (`name: { eq / in }` on units, their aliases and leaders) come
 * without a jurisdiction, so the unique (jurisdiction_id, name) indexes
 * cannot serve them; these name-first indexes let the planner start a
 * flagship-style query from the few matching units or leaders (EXPLAIN at
 * 50× the seed: issue 7's closing note).
 */
export class NameLookupIndexes1795400000000 implements MigrationInterface {
  name = 'NameLookupIndexes1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_unit_name" ON "unit" ("name") `);
    await queryRunner.query(`CREATE INDEX "IDX_unit_alias_alias" ON "unit_alias" ("alias") `);
    await queryRunner.query(`CREATE INDEX "IDX_leader_name" ON "leader" ("name") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_leader_name"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_unit_alias_alias"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_unit_name"`);
  }
}
