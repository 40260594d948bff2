// GraphiQL 5 plugin "Graph": a sidebar panel drawing the active tab's result
// as a network. The drawing code (cytoscape, ~0.5 MB) is a lazy chunk loaded
// the first time the panel opens, from this server like everything else.
import { lazy, Suspense, useEffect, useRef } from 'react';
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

// GraphiQL sizes its plugin pane for the documentation explorer: a quarter of
// the window (~330 px at 1440 px), where a chain of 60+ nodes is a blot. While
// the Graph panel is open the pane takes half of the space (flex 1 against the
// editors' 1) unless the user has dragged it wider; leaving the panel gives
// the docs explorer its own width back, unless the user dragged meanwhile.
// The pane stays resizable with GraphiQL's drag bar, and the drawing follows.
const WIDE_FLEX = '1';

function useWidePane(ref) {
  useEffect(() => {
    const pane = ref.current?.closest('.graphiql-plugin');
    if (!pane) return undefined;
    let previous;
    let widened;
    // After GraphiQL's own effect, which sets the pane's stored width when the pane is shown.
    const frame = requestAnimationFrame(() => {
      if (!(parseFloat(pane.style.flex) >= Number(WIDE_FLEX))) {
        previous = pane.style.flex;
        pane.style.flex = WIDE_FLEX;
        widened = pane.style.flex; // as the browser spells it ("1 1 0%")
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      if (widened !== undefined && pane.style.flex === widened) pane.style.flex = previous;
    };
  }, [ref]);
}

function GraphPanel() {
  const response = useGraphiQL((state) => state.tabs[state.activeTabIndex]?.response ?? null);
  const section = useRef(null);
  useWidePane(section);
  return (
    <section ref={section} className="duban-graph-panel" aria-label="Graph">
      <div className="graphiql-doc-explorer-title">Graph</div>
      <Suspense fallback={<p className="duban-graph-hint">Loading the graph view…</p>}>
        <GraphView response={response} />
      </Suspense>
    </section>
  );
}

export const graphPlugin = { title: 'Graph', icon: GraphIcon, content: GraphPanel };
