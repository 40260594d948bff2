import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: the event log (outbox) and webhooks. Hand-written: these tables
 * have no TypeORM entities (they are written and read by SQL only), so the
 * drift check of test/db/migrations.test.ts does not see them.
 *
 * - `event` is numbered by a BIGSERIAL in commit order: every writer takes
 *   one advisory transaction lock just before its insert (src/events/event-log.ts),
 *   so a client resuming after event n never misses an n-1 committed later.
 *   Who may see an event is stored with it (jurisdiction, lead/co units,
 *   responsible leaders, as they were when it happened), so replay and live
 *   delivery decide alike without re-reading tasks that may have changed since.
 * - `webhook`, `webhook_delivery` (one per event and endpoint, created in the
 *   event's transaction) and `webhook_attempt` (one per try). The job queue
 *   (pg-boss) keeps its own schema `pgboss`, created and migrated by pg-boss on start.
 */
export class EventLog1796500500000 implements MigrationInterface {
  name = 'EventLog1796500500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "event" (
      "id" BIGSERIAL PRIMARY KEY,
      "type" text NOT NULL,
      "at" timestamptz NOT NULL DEFAULT now(),
      "actor" text NOT NULL,
      "account_id" integer,
      "key_prefix" text,
      "request_id" text,
      "target" jsonb NOT NULL DEFAULT '{}',
      "task_id" integer,
      "document_id" integer,
      "jurisdiction_id" integer,
      "lead_unit_ids" integer[] NOT NULL DEFAULT '{}',
      "co_unit_ids" integer[] NOT NULL DEFAULT '{}',
      "leader_ids" integer[] NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE INDEX "event_task" ON "event" ("task_id", "id") WHERE task_id IS NOT NULL`);
    await q.query(`CREATE INDEX "event_type" ON "event" ("type", "id")`);
    await q.query(`CREATE TABLE "webhook" (
      "id" SERIAL PRIMARY KEY,
      "url" text NOT NULL,
      "secret" text NOT NULL,
      "event_types" text[] NOT NULL DEFAULT '{}',
      "jurisdiction_id" integer REFERENCES "jurisdiction"("id") ON DELETE RESTRICT,
      "installation_events" boolean NOT NULL DEFAULT false,
      "active" boolean NOT NULL DEFAULT true,
      "deleted_at" timestamptz,
      "account_id" integer REFERENCES "account"("id") ON DELETE RESTRICT,
      "version" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TYPE "webhook_delivery_state" AS ENUM ('PENDING', 'RETRYING', 'DELIVERED', 'DEAD')`);
    await q.query(`CREATE TABLE "webhook_delivery" (
      "id" BIGSERIAL PRIMARY KEY,
      "webhook_id" integer NOT NULL REFERENCES "webhook"("id") ON DELETE CASCADE,
      "event_id" bigint NOT NULL REFERENCES "event"("id") ON DELETE CASCADE,
      "state" "webhook_delivery_state" NOT NULL DEFAULT 'PENDING',
      "queued" boolean NOT NULL DEFAULT false,
      "attempts" integer NOT NULL DEFAULT 0,
      "next_attempt_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "finished_at" timestamptz,
      UNIQUE ("webhook_id", "event_id")
    )`);
    // The relay's work list: deliveries not yet handed to the job queue.
    await q.query(`CREATE INDEX "webhook_delivery_unqueued" ON "webhook_delivery" ("id") WHERE NOT queued`);
    await q.query(`CREATE INDEX "webhook_delivery_state" ON "webhook_delivery" ("state")`);
    await q.query(`CREATE TABLE "webhook_attempt" (
      "id" BIGSERIAL PRIMARY KEY,
      "delivery_id" bigint NOT NULL REFERENCES "webhook_delivery"("id") ON DELETE CASCADE,
      "attempt" integer NOT NULL,
      "worker" text NOT NULL,
      "started_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "finished_at" timestamptz,
      "status_code" integer,
      "error" text,
      UNIQUE ("delivery_id", "attempt")
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "webhook_attempt"`);
    await q.query(`DROP TABLE "webhook_delivery"`);
    await q.query(`DROP TYPE "webhook_delivery_state"`);
    await q.query(`DROP TABLE "webhook"`);
    await q.query(`DROP TABLE "event"`);
  }
}
