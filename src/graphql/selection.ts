import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * What a query asks of a connection field, read from the resolver's info:
 * whether it wants totalCount, and the selections made on its nodes (under
 * `nodes` or `edges { node }`), by field name. Fragments are followed;
 * @skip/@include are ignored, so a skipped field is fetched anyway (harmless:
 * it only costs a column).
 */
export interface ConnectionSelection {
  totalCount: boolean;
  /** Field name → the field's own sub-selections (several when selected under several aliases). */
  node: Map<string, FieldNode[]>;
  /** Stable text of the above, for loader names: different selections must not share a batch. */
  signature: string;
}

function collect(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: Map<string, FieldNode[]>): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === 'Field') {
      const list = into.get(selection.name.value);
      if (list) list.push(selection);
      else into.set(selection.name.value, [selection]);
    } else if (selection.kind === 'InlineFragment') {
      collect(selection.selectionSet, info, into);
    } else {
      collect(info.fragments[selection.name.value]?.selectionSet, info, into);
    }
  }
}

/** The fields selected directly under the given field nodes. */
export function subfields(nodes: readonly FieldNode[], info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  for (const node of nodes) collect(node.selectionSet, info, fields);
  return fields;
}

export function connectionSelection(info: GraphQLResolveInfo): ConnectionSelection {
  const top = subfields(info.fieldNodes, info);
  const node = subfields(top.get('nodes') ?? [], info);
  for (const [name, nodes] of subfields(subfields(top.get('edges') ?? [], info).get('node') ?? [], info)) {
    node.set(name, [...(node.get(name) ?? []), ...nodes]);
  }
  const totalCount = top.has('totalCount');
  const signature = `${totalCount ? 'count;' : ''}${[...node.entries()]
    .map(([name, nodes]) => `${name}{${[...subfields(nodes, info).keys()].sort().join(',')}}`)
    .sort()
    .join(',')}`;
  return { totalCount, node, signature };
}
