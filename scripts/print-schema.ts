/** npm run schema: writes schema/schema.graphql from the code (a test fails when the committed file is stale). */
import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { createSchema } from '../src/api/schema';

createSchema().then((schema) => {
  const file = path.join(__dirname, '..', 'schema', 'schema.graphql');
  fs.writeFileSync(file, `${printSchema(schema)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
});
