import 'reflect-metadata';
import { type GraphQLObjectType, type GraphQLSchema, execute, parse } from 'graphql';
import { createSchema } from '../../src/api/schema';
import { RequestContext } from '../../src/graphql/context';
import { seedIfEmpty } from '../../src/import/writer/seed';
import { TaskModel } from '../../src/task/task.type';
import { SEEDS_DIR } from '../support/seeds';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * src/api/direct-resolvers.ts calls resolver methods without type-graphql's
 * handler and hands them GraphQL's coerced arguments instead of instances
 * of our input classes. The same questions through a schema that keeps
 * type-graphql's handler everywhere must get the same answers, errors
 * included, down to the byte.
 */
describe('direct resolvers', () => {
  let db: TestDatabase;
  let direct: GraphQLSchema;
  let generic: GraphQLSchema;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedIfEmpty(db.dataSource, SEEDS_DIR);
    [direct, generic] = [await createSchema(), await createSchema({ directResolvers: false })];
  });
  afterAll(() => db.drop());

  const run = async (schema: GraphQLSchema, query: string, variables?: Record<string, unknown>) =>
    JSON.stringify(await execute({ schema, document: parse(query), contextValue: new RequestContext(db.dataSource), variableValues: variables }));

  it('replaces every resolver whose handler work has a fixed answer', () => {
    const source = (schema: GraphQLSchema, type: string, field: string) => String((schema.getType(type) as GraphQLObjectType).getFields()[field].resolve);
    for (const [type, field] of [['Query', 'tasks'], ['Query', 'unit'], ['Task', 'leadUnits'], ['Task', 'risk'], ['Leader', 'tasks'], ['Task', 'id']]) {
      // type-graphql's per-call handler builds a resolverData object; the generic build shows that the pattern finds it,
      // so its absence from the direct build means the handler was replaced (two builds never share functions to compare).
      expect(source(generic, type, field)).toMatch(/resolverData/);
      expect(source(direct, type, field)).not.toMatch(/getParams|resolverData/);
    }
  });

  it.each([
    ['flagship (nested input objects)', `{ tasks(where: { coUnits: { some: { name: { eq: "区经济信息委" } } }, leaders: { some: { name: { eq: "凌健" } } } }) {
        totalCount nodes { id number year category { name } content leadUnits { name } coUnits { name } } } }`],
    ['order, AND/OR/NOT and a page', `{ tasks(where: { OR: [{ year: { eq: 2021 } }, { NOT: { section: { eq: KEY_TASK } } }] }, orderBy: [{ field: NUMBER, direction: DESC }], first: 7) {
        pageInfo { hasNextPage endCursor } edges { cursor node { number section } } } }`],
    ['three levels with nested arguments', `{ leaders { name tasks(first: 5) { totalCount nodes { number leadUnits { name } coUnits { name } progress { status period } } } } }`],
    ['single arguments and a default', `{ unit(name: "区文旅委") { name aliases y: workload(year: 2021) { lead co total } collaborators(first: 2) { unit { name } sharedTasks } } unitPath(from: "区文旅委", to: "区征地事务中心", year: 2024) { units { name } } }`],
    ['supervision fields with arguments', `{ tasks(where: { year: { eq: 2021 } }, first: 5) { nodes { number due { date source } expectedPercent(asOf: "2021-03-31") risk(asOf: "2021-03-31") { level } reported(period: "2021-Q1") } } }`],
    ['enums and lists in arguments', `{ taskStats(where: { year: { eq: 2021 } }, groupBy: [SECTION]) { section count completed } workloads(year: 2024, section: KEY_TASK, first: 3) { nodes { unit { name } lead co total } } }`],
    ['a client error raised inside a resolver', `{ tasks(first: 101) { totalCount } }`],
    ['a forged cursor', `{ tasks(after: "bm90IGEgY3Vyc29y") { totalCount } }`],
  ])('%s: the same answer as through type-graphql', async (name, query) => {
    const [a, b] = [await run(direct, query), await run(generic, query)];
    expect(a).toEqual(b);
    // The comparison means something only if the questions are answered (or refused, where that is the point).
    expect(JSON.parse(a).errors === undefined).toBe(!/error|forged/.test(name));
    expect(a.length).toBeGreaterThan(40);
  });

  it('gives variables the same meaning', async () => {
    const query = `query($w: TaskWhere, $n: Int) { tasks(where: $w, first: $n) { totalCount nodes { number } } }`;
    const variables = { w: { leaders: { some: { name: { in: ['凌健', '黄可欣'] } } } }, n: 4 };
    expect(await run(direct, query, variables)).toEqual(await run(generic, query, variables));
  });

  it('leaves a parent that is not an instance of its class to type-graphql, which makes one', async () => {
    const row = (await db.dataSource.query(`SELECT t.*, p.year FROM task t JOIN plan p ON p.id = t.plan_id ORDER BY t.id LIMIT 1`))[0];
    const model = TaskModel.fromRow(row);
    const fields = (direct.getType('Task') as GraphQLObjectType).getFields();
    const call = (field: string, root: unknown) => fields[field].resolve!(root, {}, new RequestContext(db.dataSource), {} as never);
    // Task.id is a getter of the class (Node.id): a plain copy of the model's fields has no getter, so only
    // type-graphql's conversion to a TaskModel can answer it.
    const plain = { ...model };
    expect('id' in plain).toBe(false);
    expect(call('id', model)).toEqual(expect.any(String));
    expect(call('id', plain)).toBe(call('id', model));
    const names = async (value: unknown) => ((await value) as { name: string }[]).map((u) => u.name);
    expect(await names(call('leadUnits', plain))).toEqual(await names(call('leadUnits', model)));
  });
});
