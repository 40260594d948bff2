import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 16: accounts and their API keys, the audit trail, idempotency keys of
 * mutations, task acknowledgements (签收), and the rate limiter's counters.
 * Generated from the entities, then three things entities cannot say:
 * - the shape of an account (a UNIT account names its unit, a LEADER account its leader, nobody else either);
 * - audit_log is append-only for every role, the application's own included (a trigger, not a privilege,
 *   because the embedded cluster and most small installations connect as the table's owner);
 * - rate_limit is UNLOGGED: counters of the last minute need not survive a crash, and skip the WAL.
 */
export class AccountsPolicyAudit1796418829040 implements MigrationInterface {
    name = 'AccountsPolicyAudit1796418829040'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."account_role" AS ENUM('ADMIN', 'OFFICE', 'UNIT', 'LEADER', 'READER')`);
        await queryRunner.query(`CREATE TABLE "account" ("id" SERIAL NOT NULL, "name" text NOT NULL, "role" "public"."account_role" NOT NULL, "unit_id" integer, "leader_id" integer, "jurisdiction_id" integer, "oidc_subject" text, "disabled" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d052ec0741fa9006c03f5eb0da" ON "account"  ("oidc_subject") WHERE oidc_subject IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "api_key" ("id" SERIAL NOT NULL, "account_id" integer NOT NULL, "prefix" text NOT NULL, "secret_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e1c10c0d45f5331063b62d9573" ON "api_key"  ("account_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c4f6ccad30c0862eb54af9fb0a" ON "api_key"  ("prefix") `);
        await queryRunner.query(`CREATE TYPE "public"."audit_decision" AS ENUM('ALLOWED', 'REFUSED')`);
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account_id" integer, "key_prefix" text, "actor" text NOT NULL, "action" text NOT NULL, "decision" "public"."audit_decision" NOT NULL, "rule" text, "reason" text, "target" jsonb NOT NULL DEFAULT '{}', "before" jsonb, "after" jsonb, "request_id" text, "client_address" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_b00602ea8e0e8c90743cbff71e" ON "audit_log"  ("account_id", "at") `);
        await queryRunner.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log"  ("at") `);
        await queryRunner.query(`CREATE TABLE "idempotency_key" ("account_id" integer NOT NULL, "key" text NOT NULL, "mutation" text NOT NULL, "input_hash" bytea NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8212a8883c2324211e557447899" PRIMARY KEY ("account_id", "key"))`);
        await queryRunner.query(`CREATE TABLE "task_acknowledgement" ("id" SERIAL NOT NULL, "task_id" integer NOT NULL, "unit_id" integer NOT NULL, "account_id" integer NOT NULL, "note" text, "acknowledged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_50b9732f6a6a1d8214c8e1a3d87" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fcc0f65dbd0bbceb115a8c50a3" ON "task_acknowledgement"  ("task_id", "unit_id") `);
        await queryRunner.query(`ALTER TABLE "account" ADD CONSTRAINT "FK_098d24759a6aeeabc4a082526c1" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "account" ADD CONSTRAINT "FK_5380981b690101f8998885dca8c" FOREIGN KEY ("leader_id") REFERENCES "leader"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "account" ADD CONSTRAINT "FK_6450975069953be671cace0ea36" FOREIGN KEY ("jurisdiction_id") REFERENCES "jurisdiction"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "api_key" ADD CONSTRAINT "FK_e1c10c0d45f5331063b62d9573f" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_acknowledgement" ADD CONSTRAINT "FK_379a3f54949c7508991b05a944e" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_acknowledgement" ADD CONSTRAINT "FK_d1983acb89a7872434d8f7ba904" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "task_acknowledgement" ADD CONSTRAINT "FK_7561f659c5d2fdfd72cd8805e56" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "account" ADD CONSTRAINT "CHK_account_binding" CHECK ((role = 'UNIT') = (unit_id IS NOT NULL) AND (role = 'LEADER') = (leader_id IS NOT NULL))`);
        await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
        await queryRunner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
        await queryRunner.query(`CREATE UNLOGGED TABLE "rate_limit" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "rate_limit"`);
        await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
        await queryRunner.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
        await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
        await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "CHK_account_binding"`);
        await queryRunner.query(`ALTER TABLE "task_acknowledgement" DROP CONSTRAINT "FK_7561f659c5d2fdfd72cd8805e56"`);
        await queryRunner.query(`ALTER TABLE "task_acknowledgement" DROP CONSTRAINT "FK_d1983acb89a7872434d8f7ba904"`);
        await queryRunner.query(`ALTER TABLE "task_acknowledgement" DROP CONSTRAINT "FK_379a3f54949c7508991b05a944e"`);
        await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "FK_e1c10c0d45f5331063b62d9573f"`);
        await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "FK_6450975069953be671cace0ea36"`);
        await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "FK_5380981b690101f8998885dca8c"`);
        await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "FK_098d24759a6aeeabc4a082526c1"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fcc0f65dbd0bbceb115a8c50a3"`);
        await queryRunner.query(`DROP TABLE "task_acknowledgement"`);
        await queryRunner.query(`DROP TABLE "idempotency_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b00602ea8e0e8c90743cbff71e"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
        await queryRunner.query(`DROP TYPE "public"."audit_decision"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c4f6ccad30c0862eb54af9fb0a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e1c10c0d45f5331063b62d9573"`);
        await queryRunner.query(`DROP TABLE "api_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d052ec0741fa9006c03f5eb0da"`);
        await queryRunner.query(`DROP TABLE "account"`);
        await queryRunner.query(`DROP TYPE "public"."account_role"`);
    }

}
