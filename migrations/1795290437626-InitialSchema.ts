import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795290437626 implements MigrationInterface {
    name = 'InitialSchema1795290437626'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "jurisdiction" ("id" SERIAL NOT NULL, "name" text NOT NULL, CONSTRAINT "UQ_5f6f56ec723ba10a66c87c2e30b" UNIQUE ("name"), CONSTRAINT "PK_0f85126272d91bb550d40207022" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "plan" ("id" SERIAL NOT NULL, "jurisdiction_id" integer NOT NULL, "year" integer NOT NULL, CONSTRAINT "PK_54a2b686aed3b637654bf7ddbb3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3d72d4261fb11b2f8c7e11166c" ON "plan"  ("jurisdiction_id", "year") `);
        await queryRunner.query(`CREATE TYPE "public"."document_kind" AS ENUM('PLAN', 'PROGRESS_REPORT')`);
        await queryRunner.query(`CREATE TABLE "document" ("id" SERIAL NOT NULL, "plan_id" integer NOT NULL, "kind" "public"."document_kind" NOT NULL, "title" text NOT NULL, "number" text, "issuer" text, "issued_on" date, "year" integer NOT NULL, "period" text, "content_hash" character(64) NOT NULL, "file_name" text NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_0f28605913b5027711ec3a7698b" UNIQUE ("content_hash"), CONSTRAINT "PK_e57d3357f83f3cdc0acffc3d777" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "leader" ("id" SERIAL NOT NULL, "jurisdiction_id" integer NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_1d2e07dfb06ee7ab1c9cadca491" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_35c684856c585e99225f652798" ON "leader"  ("jurisdiction_id", "name") `);
        await queryRunner.query(`CREATE TABLE "category" ("id" SERIAL NOT NULL, "plan_id" integer NOT NULL, "name" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_9c4e4a89e3674fc9f382d733f03" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7f84c1142f749c6aba49c9361d" ON "category"  ("plan_id", "name") `);
        await queryRunner.query(`CREATE TYPE "public"."section" AS ENUM('TARGET', 'LIVELIHOOD', 'KEY_TASK')`);
        await queryRunner.query(`CREATE TABLE "task" ("id" SERIAL NOT NULL, "plan_id" integer NOT NULL, "section" "public"."section" NOT NULL, "number" integer NOT NULL, "category_id" integer, "title" text, "content" text NOT NULL, "document_id" integer NOT NULL, "source_line" integer NOT NULL, CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_5a2a57aed53e11558e410ddb44" ON "task"  ("category_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_9cb9a5cd12759e6408250ec4ca" ON "task"  ("document_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_553372f6f69443e6f24af2d9ae" ON "task"  ("plan_id", "section", "number") `);
        await queryRunner.query(`CREATE TABLE "task_leader" ("task_id" integer NOT NULL, "leader_id" integer NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_43e2ead45018fd0527f9456848a" PRIMARY KEY ("task_id", "leader_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a1afa25f9a8619c7e37eea52a0" ON "task_leader"  ("leader_id") `);
        await queryRunner.query(`CREATE TYPE "public"."progress_status" AS ENUM('COMPLETED', 'IN_PROGRESS', 'NOT_STARTED', 'SUSPENDED', 'UNKNOWN')`);
        await queryRunner.query(`CREATE TABLE "progress_update" ("id" SERIAL NOT NULL, "task_id" integer NOT NULL, "document_id" integer NOT NULL, "period" text NOT NULL, "text" text NOT NULL, "items" jsonb NOT NULL, "status" "public"."progress_status" NOT NULL, "status_reason" text NOT NULL, CONSTRAINT "PK_5ac3567b3caf930f1bad30796f8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_54f6f6b2127f714eca5d1ae17e" ON "progress_update"  ("document_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b7e9347625ece9da0665289e9c" ON "progress_update"  ("task_id", "document_id") `);
        await queryRunner.query(`CREATE TYPE "public"."unit_kind" AS ENUM('DISTRICT_DEPARTMENT', 'PARTY_ORGAN', 'TOWNSHIP_STREET', 'STATE_OWNED_ENTERPRISE', 'ZONE_COMMITTEE', 'PEOPLES_ORGANISATION', 'VERTICAL_AGENCY', 'COORDINATION_BODY', 'COLLECTIVE', 'UNKNOWN')`);
        await queryRunner.query(`CREATE TABLE "unit" ("id" SERIAL NOT NULL, "jurisdiction_id" integer NOT NULL, "name" text NOT NULL, "kind" "public"."unit_kind" NOT NULL, "needs_review" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d48532d1b7b4b63b106872cbec" ON "unit"  ("jurisdiction_id", "name") `);
        await queryRunner.query(`CREATE TYPE "public"."role" AS ENUM('LEAD', 'CO')`);
        await queryRunner.query(`CREATE TABLE "assignment" ("id" SERIAL NOT NULL, "task_id" integer NOT NULL, "unit_id" integer NOT NULL, "role" "public"."role" NOT NULL, "position" integer NOT NULL, "acting_as" text, "written_as" text NOT NULL, CONSTRAINT "PK_43c2f5a3859f54cedafb270f37e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_68e89beae4712b0c6fa4411305" ON "assignment"  ("unit_id", "role") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_25b31f0257dfc74fd1b3066094" ON "assignment"  ("task_id", "role", "unit_id") `);
        await queryRunner.query(`CREATE TABLE "unit_alias" ("id" SERIAL NOT NULL, "unit_id" integer NOT NULL, "jurisdiction_id" integer NOT NULL, "alias" text NOT NULL, CONSTRAINT "PK_fda7c8988125c48e9eb11bbe8f5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_cbdb97dbb00c6808d108c95fa6" ON "unit_alias"  ("unit_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1539d675318ef3dc95a53701a2" ON "unit_alias"  ("jurisdiction_id", "alias") `);
        await queryRunner.query(`ALTER TABLE "plan" ADD CONSTRAINT "FK_51352a19a98f7c7edea1cff70a2" FOREIGN KEY ("jurisdiction_id") REFERENCES "jurisdiction"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "FK_f52d701af256881918f4298fc8e" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "leader" ADD CONSTRAINT "FK_180ef53fb8b9acc7814dd6673cd" FOREIGN KEY ("jurisdiction_id") REFERENCES "jurisdiction"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "category" ADD CONSTRAINT "FK_20da027791b0c6ff080217d248e" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_861fe9e94ad32e4f9b010e2cf48" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_5a2a57aed53e11558e410ddb44d" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_9cb9a5cd12759e6408250ec4ca3" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_leader" ADD CONSTRAINT "FK_24c32649e07cca4f5db14b52f5a" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_leader" ADD CONSTRAINT "FK_a1afa25f9a8619c7e37eea52a03" FOREIGN KEY ("leader_id") REFERENCES "leader"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "progress_update" ADD CONSTRAINT "FK_eda460a766ed1193ab787d3493e" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "progress_update" ADD CONSTRAINT "FK_54f6f6b2127f714eca5d1ae17ed" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "unit" ADD CONSTRAINT "FK_62aad7cb1567dc8a71daacedf88" FOREIGN KEY ("jurisdiction_id") REFERENCES "jurisdiction"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "assignment" ADD CONSTRAINT "FK_37076c934258c13f9aa797f8b9e" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "assignment" ADD CONSTRAINT "FK_6307b61ec6230e6fca2ccd5e680" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "unit_alias" ADD CONSTRAINT "FK_cbdb97dbb00c6808d108c95fa6a" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "unit_alias" DROP CONSTRAINT "FK_cbdb97dbb00c6808d108c95fa6a"`);
        await queryRunner.query(`ALTER TABLE "assignment" DROP CONSTRAINT "FK_6307b61ec6230e6fca2ccd5e680"`);
        await queryRunner.query(`ALTER TABLE "assignment" DROP CONSTRAINT "FK_37076c934258c13f9aa797f8b9e"`);
        await queryRunner.query(`ALTER TABLE "unit" DROP CONSTRAINT "FK_62aad7cb1567dc8a71daacedf88"`);
        await queryRunner.query(`ALTER TABLE "progress_update" DROP CONSTRAINT "FK_54f6f6b2127f714eca5d1ae17ed"`);
        await queryRunner.query(`ALTER TABLE "progress_update" DROP CONSTRAINT "FK_eda460a766ed1193ab787d3493e"`);
        await queryRunner.query(`ALTER TABLE "task_leader" DROP CONSTRAINT "FK_a1afa25f9a8619c7e37eea52a03"`);
        await queryRunner.query(`ALTER TABLE "task_leader" DROP CONSTRAINT "FK_24c32649e07cca4f5db14b52f5a"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_9cb9a5cd12759e6408250ec4ca3"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_5a2a57aed53e11558e410ddb44d"`);
        await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_861fe9e94ad32e4f9b010e2cf48"`);
        await queryRunner.query(`ALTER TABLE "category" DROP CONSTRAINT "FK_20da027791b0c6ff080217d248e"`);
        await queryRunner.query(`ALTER TABLE "leader" DROP CONSTRAINT "FK_180ef53fb8b9acc7814dd6673cd"`);
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "FK_f52d701af256881918f4298fc8e"`);
        await queryRunner.query(`ALTER TABLE "plan" DROP CONSTRAINT "FK_51352a19a98f7c7edea1cff70a2"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1539d675318ef3dc95a53701a2"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cbdb97dbb00c6808d108c95fa6"`);
        await queryRunner.query(`DROP TABLE "unit_alias"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_25b31f0257dfc74fd1b3066094"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_68e89beae4712b0c6fa4411305"`);
        await queryRunner.query(`DROP TABLE "assignment"`);
        await queryRunner.query(`DROP TYPE "public"."role"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d48532d1b7b4b63b106872cbec"`);
        await queryRunner.query(`DROP TABLE "unit"`);
        await queryRunner.query(`DROP TYPE "public"."unit_kind"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b7e9347625ece9da0665289e9c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_54f6f6b2127f714eca5d1ae17e"`);
        await queryRunner.query(`DROP TABLE "progress_update"`);
        await queryRunner.query(`DROP TYPE "public"."progress_status"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a1afa25f9a8619c7e37eea52a0"`);
        await queryRunner.query(`DROP TABLE "task_leader"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_553372f6f69443e6f24af2d9ae"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9cb9a5cd12759e6408250ec4ca"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5a2a57aed53e11558e410ddb44"`);
        await queryRunner.query(`DROP TABLE "task"`);
        await queryRunner.query(`DROP TYPE "public"."section"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7f84c1142f749c6aba49c9361d"`);
        await queryRunner.query(`DROP TABLE "category"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_35c684856c585e99225f652798"`);
        await queryRunner.query(`DROP TABLE "leader"`);
        await queryRunner.query(`DROP TABLE "document"`);
        await queryRunner.query(`DROP TYPE "public"."document_kind"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3d72d4261fb11b2f8c7e11166c"`);
        await queryRunner.query(`DROP TABLE "plan"`);
        await queryRunner.query(`DROP TABLE "jurisdiction"`);
    }

}
