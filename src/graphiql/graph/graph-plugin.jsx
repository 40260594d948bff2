// GraphiQL 5 plugin "Graph": a sidebar panel drawing the active tab's result
// as a network. The drawing code (cytoscape, ~0.5 MB) is a lazy chunk loaded
// the first time the panel opens, from this server like everything else.
import { lazy, Suspense } from 'react';
import { useGraphiQL } from '@graphiql/react';
import './graph-panel.css';

const GraphView = lazy(() => import('./graph-view.jsx'));

function GraphIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <circle cx="5" cy="6" r="2.5" />
      <circle cx="19" cy="6" r="2.5" />
      <circle cx="12" cy="18" r="2.5" />
      <path d="M7.5 6h9M6.3 8.2l4.4 7.6M17.7 8.2l-4.4 7.6" />
    </svg>
  );
}

function GraphPanel() {
  const response = useGraphiQL((state) => state.tabs[state.activeTabIndex]?.response ?? null);
  return (
    <section className="duban-graph-panel" aria-label="Graph">
      <div className="graphiql-doc-explorer-title">Graph</div>
      <Suspense fallback={<p className="duban-graph-hint">Loading the graph view…</p>}>
        <GraphView response={response} />
      </Suspense>
    </section>
  );
}

export const graphPlugin = { title: 'Graph', icon: GraphIcon, content: GraphPanel };
