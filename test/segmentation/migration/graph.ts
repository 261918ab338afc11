// Kahn's algorithm: a graph is acyclic when every node can be removed in turn.
export function isAcyclic({nodes, links}: {nodes: {id: string}[]; links: {source: string; target: string}[]}): boolean {
  const indegree = new Map(nodes.map((n) => [n.id, 0]));
  for (const l of links) indegree.set(l.target, (indegree.get(l.target) ?? 0) + 1);
  const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  let removed = 0;
  while (queue.length) {
    const id = queue.pop()!;
    removed += 1;
    for (const l of links) {
      if (l.source !== id) continue;
      const d = indegree.get(l.target)! - 1;
      indegree.set(l.target, d);
      if (d === 0) queue.push(l.target);
    }
  }
  return removed === indegree.size;
}
