import { ApolloServer } from '@apollo/server';
import { GraphQLError, buildSchema } from 'graphql';
import { compiledExecution, recursiveInputTypes } from '../../src/server/compiled-execution';

/** The executor behind Apollo (graphql-jit, graphql-js where graphql-jit cannot compile), on a schema of its own. */
describe('compiled execution', () => {
  const schema = buildSchema(`input Where { word: String  OR: [Where!] }  input Args { where: Where }  input Flat { word: String }  type Query { count(words: [String!]!): Int!  clauses(where: Where!): Int!  boom: String  refused: String }`);
  const fields = schema.getQueryType()!.getFields();
  fields.count.resolve = (_root, { words }: { words: string[] }) => words.length;
  fields.clauses.resolve = (_root, { where }: { where: { OR?: unknown[] } }) => where.OR?.length ?? 1;
  fields.boom.resolve = () => {
    throw new Error('a bug of ours');
  };
  fields.refused.resolve = () => {
    throw new GraphQLError('no', { extensions: { code: 'BAD_USER_INPUT' } });
  };
  const errorsSeen: unknown[] = [];
  let apollo: ApolloServer;

  beforeAll(async () => {
    apollo = new ApolloServer({
      gateway: compiledExecution(schema),
      formatError: (formatted, error) => {
        errorsSeen.push(error);
        return formatted;
      },
    });
    await apollo.start();
  });
  afterAll(() => apollo.stop());

  async function run(query: string, variables?: Record<string, unknown>) {
    const response = await apollo.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  }

  it('answers from the compiled operation, the same twice (the second from the cache)', async () => {
    const query = '{ count(words: ["a", "b", "c"]) }';
    expect((await run(query)).data).toEqual({ count: 3 });
    expect((await run(query)).data).toEqual({ count: 3 });
  });

  it('leaves operations with a variable of a recursive input type to graphql-js, which graphql-jit 0.8 cannot compile', async () => {
    // graphql-jit recurses without end on such a variable, ~4 s of blocked event loop before it gives up.
    expect(recursiveInputTypes(schema)).toEqual(new Set(['Where', 'Args']));
    const refs = Array.from({ length: 300 }, () => '$w').join(', ');
    const result = await run(`query($w: Where!) { clauses(where: { OR: [${refs}] }) }`, { w: { word: 'x' } });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ clauses: 300 });
  });

  it('reports errors as graphql-js does: extensions always set, the thrown error kept for formatError', async () => {
    errorsSeen.length = 0;
    const bug = await run('{ boom }');
    expect(bug.errors).toEqual([expect.objectContaining({ message: 'a bug of ours', path: ['boom'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect((errorsSeen[0] as GraphQLError).originalError?.message).toBe('a bug of ours');
    const refused = await run('{ refused }');
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
