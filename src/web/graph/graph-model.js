// Turns a GraphQL response of duban into a network: leaders, units and tasks
// as nodes; LEAD, CO, LEADER and SHARE edges. Pure (no DOM, no cytoscape), so
// the browser test and the panel agree on what is drawn.
//
// The response has no __typename unless asked, so an object's kind comes from
// the field it sits under, which duban's schema names consistently:
//   leader, leaders                          → Leader
//   unit, units, leadUnits, coUnits, from, to → Unit
//   task, tasks, nodes (of a task list)       → Task
// Wrapper objects (ChainLink, UnitCount, Collaborator, PathHop, connections)
// are not drawn; their `unit` / `leader` stands for them. One exception to the
// keys: under leaderPath, `from` and `to` are the two leaders.

const LEADER_KEYS = new Set(['leader', 'leaders']);
const UNIT_KEYS = new Set(['unit', 'units', 'leadUnits', 'coUnits', 'from', 'to']);
const TASK_KEYS = new Set(['task', 'tasks', 'nodes']);

const SECTION_LABEL = { KEY_TASK: '重点任务', LIVELIHOOD: '民生实事', TARGET: '预期目标' };

function kindOf(key, value) {
  if (value == null || typeof value !== 'object' || Array.isArray(value)) return null;
  if (LEADER_KEYS.has(key) && typeof value.name === 'string') return 'leader';
  if (UNIT_KEYS.has(key) && typeof value.name === 'string') return 'unit';
  if (TASK_KEYS.has(key) && (typeof value.number === 'number' || typeof value.content === 'string')) return 'task';
  // units(…) { nodes { name } }: the only connection whose nodes have a name
  if (key === 'nodes' && typeof value.name === 'string') return 'unit';
  return null;
}

function nodeId(kind, value) {
  if (typeof value.id === 'string') return value.id;
  if (kind === 'task') return `task:${value.year ?? ''}:${value.section ?? ''}:${value.number ?? value.content}`;
  return `${kind}:${value.name}`;
}

function labelOf(kind, value) {
  if (kind !== 'task') return value.name;
  const section = SECTION_LABEL[value.section] ?? '任务';
  return `${section}${value.number ?? ''}`;
}

/** Scalar fields of an object, for the "click a node" panel. */
function scalars(value) {
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || typeof v !== 'object') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) out[k] = v.join('、');
    // e.g. centrality { degree rank } or workload { lead co total }: one level, flattened
    else if (!Array.isArray(v) && Object.values(v).every((x) => x === null || typeof x !== 'object')) {
      for (const [k2, v2] of Object.entries(v)) out[`${k}.${k2}`] = v2;
    }
  }
  return out;
}

/**
 * The role of an edge from the entity above to an entity found under `key`,
 * given the kinds at both ends; LINK when the schema says nothing more.
 */
function roleOf(key, parentKind, childKind, inChain) {
  if (key === 'coUnits') return 'CO';
  if (key === 'leadUnits') return 'LEAD';
  if (parentKind === 'leader' && childKind === 'unit') return inChain ? 'LEAD' : 'LINK';
  if (parentKind === 'leader' && childKind === 'task') return 'LEADER';
  if (parentKind === 'task' && childKind === 'leader') return 'LEADER';
  if (parentKind === 'unit' && childKind === 'task') return inChain ? 'LEAD' : 'LINK';
  // Collaborator { unit sharedTaskCount } carries its unit under `unit`; other unit lists
  // under a unit (community members) are related, not proven partners.
  if (parentKind === 'unit' && childKind === 'unit') return key === 'unit' ? 'SHARE' : 'LINK';
  return 'LINK';
}

export function resultToGraph(result) {
  const nodes = new Map();
  const edges = new Map();
  let chain = false;

  const addNode = (kind, value) => {
    const id = nodeId(kind, value);
    const existing = nodes.get(id);
    if (existing) Object.assign(existing.fields, scalars(value));
    else nodes.set(id, { id, kind, label: labelOf(kind, value), fields: scalars(value) });
    return id;
  };
  const addEdge = (source, target, role, label) => {
    if (!source || !target || source === target || !role) return;
    // SHARE (collaboration) is symmetric: one edge per pair whichever side it was found from.
    const [a, b] = role === 'SHARE' && source > target ? [target, source] : [source, target];
    const id = `${role}:${a}->${b}`;
    const existing = edges.get(id);
    if (existing) {
      if (label && !existing.label) existing.label = label;
    } else edges.set(id, { id, source: a, target: b, role, label: label ?? '' });
  };

  // parent: { id, kind } of the nearest drawn entity above; inChain: under Leader.chain.
  const walk = (key, value, parent, inChain) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(key, item, parent, inChain);
      return;
    }
    if (value == null || typeof value !== 'object') return;
    const kind = kindOf(key, value);
    if (kind) {
      const id = addNode(kind, value);
      if (parent) addEdge(parent.id, id, roleOf(key, parent.kind, kind, inChain), value.__edgeLabel);
      for (const [k, v] of Object.entries(value)) walk(k, v, { id, kind }, inChain || k === 'chain');
      return;
    }
    // A wrapper: its own unit/leader stands for it, the other fields hang off that one.
    // (Not the root: `{ unit(…) … units(…) … }` asks two things side by side.)
    const carrierKey =
      key === 'data' ? null : 'unit' in value && kindOf('unit', value.unit) ? 'unit' : 'leader' in value && kindOf('leader', value.leader) ? 'leader' : null;
    if (key === 'leaderPath' && value.from && value.to) {
      // leader ─LEADER─ task ─LINK─ first unit … hops … last unit ─LINK─ task ─LEADER─ leader
      const units = Array.isArray(value.units) ? value.units.map((u) => addNode('unit', u)) : [];
      for (const [end, tasksKey, unit] of [['from', 'fromTasks', units[0]], ['to', 'toTasks', units.at(-1)]]) {
        const leader = addNode('leader', value[end]);
        const tasks = Array.isArray(value[tasksKey]) ? value[tasksKey] : [];
        for (const task of tasks) {
          const t = addNode('task', task);
          addEdge(leader, t, 'LEADER');
          if (unit) addEdge(unit, t, 'LINK');
        }
        if (tasks.length === 0 && unit) addEdge(leader, unit, 'LINK');
      }
      walk('hops', value.hops, null, inChain);
      return;
    }
    if (key === 'hops' && value.from && value.to) {
      const a = addNode('unit', value.from);
      const b = addNode('unit', value.to);
      const tasks = Array.isArray(value.tasks) ? value.tasks : [];
      addEdge(a, b, 'SHARE', tasks.map((t) => labelOf('task', t)).join('、'));
      for (const task of tasks) {
        const t = addNode('task', task);
        addEdge(a, t, 'LINK');
        addEdge(b, t, 'LINK');
      }
      return;
    }
    if (carrierKey) {
      if (key === 'chain') chain = true;
      const count = value.taskCount ?? value.sharedTaskCount ?? value.sharedTasks;
      const carried = { ...value[carrierKey], __edgeLabel: count != null ? String(count) : undefined };
      // Under coUnits / units / leaders the list's key decides the role; under chain or
      // collaborators the carried entity's own key does.
      const walkKey = UNIT_KEYS.has(key) || LEADER_KEYS.has(key) ? key : carrierKey;
      walk(walkKey, carried, parent, inChain || key === 'chain');
      const id = nodeId(carrierKey, value[carrierKey]);
      for (const [k, v] of Object.entries(value)) if (k !== carrierKey) walk(k, v, { id, kind: carrierKey }, inChain || key === 'chain');
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(k, v, parent, inChain);
  };

  walk('data', result?.data ?? null, null, false);
  for (const node of nodes.values()) delete node.fields.__edgeLabel;
  return { nodes: [...nodes.values()], edges: [...edges.values()], chain };
}
