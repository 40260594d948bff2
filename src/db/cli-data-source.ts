/**
 * DataSource for the TypeORM CLI (`npm run migration:generate -- migrations/Name`).
 * Needs DATABASE_URL: generate against a throwaway database, never a real one.
 */
import { createDataSource } from './data-source';

if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a scratch database to generate migrations');
export default createDataSource(process.env.DATABASE_URL);
