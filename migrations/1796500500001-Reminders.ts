import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: reminders sent, one row per rule, subject (a task's due date, later a reporting round's) and
 * occurrence. The primary key is what makes a reminder go out once whatever the number of processes:
 * each process inserts with ON CONFLICT DO NOTHING and writes the reminder's event only when its insert
 * took (src/reminders/send-reminders.ts).
 */
export class Reminders1796500500001 implements MigrationInterface {
  name = 'Reminders1796500500001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "reminder_sent" (
      "rule" text NOT NULL,
      "subject" text NOT NULL,
      "occurrence" integer NOT NULL DEFAULT 1,
      "task_id" integer,
      "due_on" date NOT NULL,
      "sent_on" date NOT NULL,
      "event_id" bigint,
      "sent_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("rule", "subject", "occurrence")
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reminder_sent"`);
  }
}
