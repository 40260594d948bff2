import { type ApiServer, startApiServer } from '../support/api-server';

describe('node(id:)', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.stop());

  it('fetches every kind of object again by its global id', async () => {
    const { data } = await api.gql(`{
      tasks(first: 1, where: { year: { eq: 2021 }, section: { eq: KEY_TASK } }) { nodes {
        id category { id } leaders { id } assignments { id unit { id } } progress { id document { id } } plan { id }
      } }
      leader(name: "凌健") { id }
    }`);
    const task = data.tasks.nodes[0];
    const ids: [string, string][] = [
      ['Task', task.id],
      ['Category', task.category.id],
      ['Assignment', task.assignments[0].id],
      ['Unit', task.assignments[0].unit.id],
      ['ProgressUpdate', task.progress[0].id],
      ['Document', task.progress[0].document.id],
      ['Plan', task.plan.id],
      ['Leader', data.leader.id],
    ];
    for (const [type, id] of ids) {
      const { data: found } = await api.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(found.node).toEqual({ __typename: type, id });
    }
  });

  it('returns null for malformed and unknown ids', async () => {
    const unknown = Buffer.from('Task:999999').toString('base64');
    const { data, errors } = await api.gql(`{ a: node(id: "not an id") { id } b: node(id: "${unknown}") { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });

  it('nodes(ids:) answers each id in order, an unknown or malformed one as null beside the others, ids of a type in one statement', async () => {
    const { data } = await api.gql(`{ tasks(first: 3, where: { year: { eq: 2021 } }) { nodes { id number } } leader(name: "凌健") { id } }`);
    const [t1, t2, t3] = data.tasks.nodes;
    const unknown = Buffer.from('Task:999999').toString('base64');
    const ids = [t3.id, 'not an id', data.leader.id, unknown, t1.id, t2.id];
    const response = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Task { number } } }`, { ids });
    expect(response.errors).toBeUndefined();
    expect(response.data.nodes).toEqual([
      { __typename: 'Task', id: t3.id, number: t3.number },
      null,
      { __typename: 'Leader', id: data.leader.id },
      null,
      { __typename: 'Task', id: t1.id, number: t1.number },
      { __typename: 'Task', id: t2.id, number: t2.number },
    ]);
  });

  it('nodes(ids:) takes at most 100 ids, as the client’s mistake', async () => {
    const response = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, (_, i) => `x${i}`) });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('at most 100');
  });
});
