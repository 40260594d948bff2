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
});
