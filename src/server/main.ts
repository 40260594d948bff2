/**
 * npm start: database (embedded unless DATABASE_URL), migrations, seeds/ on
 * an empty database, then the API on PORT (default 4000).
 */
import 'reflect-metadata';
import path from 'node:path';
import { connectDatabase } from '../db/connect';
import { PROJECT_ROOT } from '../db/config';
import { seedIfEmpty } from '../importer/seed';
import { formatImportReport } from '../cli/import-report';
import { createApp } from './app';

async function main(): Promise<void> {
  const started = Date.now();
  const database = await connectDatabase();
  const seeded = await seedIfEmpty(database.dataSource, path.join(PROJECT_ROOT, 'seeds'));
  if (seeded) process.stdout.write(`Seeded the empty database:\n${formatImportReport(seeded)}`);
  const { app, apollo } = await createApp({ dataSource: database.dataSource });
  const port = Number(process.env.PORT || 4000);
  const server = app.listen(port, () => {
    process.stdout.write(`duban ready in ${Date.now() - started} ms: http://localhost:${port}/graphql (GraphiQL in a browser), health at /health\n`);
  });
  const shutdown = async () => {
    server.close();
    await apollo.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  process.stderr.write(`duban failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
