// The Graph panel's drawing (loaded on first open: cytoscape and its layouts
// stay out of the main bundle). cytoscape.js draws on a canvas, with pan,
// zoom and drag built in; fcose lays out collaboration networks, the
// built-in breadthfirst layout keeps a leader's chain top-down.
import { useEffect, useMemo, useRef, useState } from 'react';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { resultToGraph } from './graph-model.js';

cytoscape.use(fcose);
cytoscape.use(svg);

// Canvas text uses the system's fonts; name the CJK ones first so Chinese
// labels never fall back to a font without the glyphs (tofu boxes).
export const LABEL_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const KIND_NAME = { leader: '责任领导', unit: '单位', task: '任务' };

// Label sizes in screen pixels at the zoom that fits the picture. A chain of
// 60+ nodes fits only far below 100 %, where fixed 11 px labels drew at 5-6 px,
// unreadable without Enlarge. After each fit (fitReadable) the stylesheet is
// rebuilt with labels scaled by 1/zoom, never below their own size: they read
// at these sizes and still grow when the user zooms in.
const LABEL_PX = { leader: 14, unit: 12, task: 10, edge: 9 };

function fitReadable(cy) {
  cy.fit(undefined, 20);
  cy.style(styleFor(Math.max(1, 1 / cy.zoom())));
  // Again, now that the labels are larger: the picture's bounding box includes them.
  cy.fit(undefined, 20);
}

function styleFor(labelScale) {
  const px = (size) => size * labelScale;
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': LABEL_FONT,
        'font-size': px(LABEL_PX.unit),
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': px(140),
        color: '#1f2937',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': 1,
        width: 18,
        height: 18,
      },
    },
    { selector: 'node[kind = "leader"]', style: { shape: 'star', width: 34, height: 34, 'background-color': '#b91c1c', 'font-size': px(LABEL_PX.leader), 'font-weight': 'bold' } },
    { selector: 'node[kind = "unit"]', style: { shape: 'round-rectangle', width: 22, height: 16, 'background-color': '#1d4ed8' } },
    { selector: 'node[kind = "task"]', style: { shape: 'ellipse', width: 10, height: 10, 'background-color': '#9ca3af', 'font-size': px(LABEL_PX.task), color: '#4b5563' } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'curve-style': 'bezier',
        'line-color': '#9ca3af',
        'target-arrow-color': '#9ca3af',
        label: 'data(label)',
        'font-family': LABEL_FONT,
        'font-size': px(LABEL_PX.edge),
        color: '#6b7280',
        'text-rotation': 'autorotate',
      },
    },
    { selector: 'edge[role = "LEAD"]', style: { width: 2, 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c', 'target-arrow-shape': 'triangle' } },
    { selector: 'edge[role = "CO"]', style: { width: 1.5, 'line-style': 'dashed', 'line-color': '#2563eb', 'target-arrow-color': '#2563eb', 'target-arrow-shape': 'vee' } },
    { selector: 'edge[role = "LEADER"]', style: { 'line-style': 'dotted', 'line-color': '#7c3aed' } },
    { selector: 'edge[role = "SHARE"]', style: { width: 2.5, 'line-color': '#059669' } },
  ];
}

function layoutFor(graph) {
  if (graph.chain || graph.nodes.some((n) => n.kind === 'leader')) {
    // A tree drawn in rings: the leader in the middle, their lead units on the
    // first ring, tasks and co-units outside. A top-down tree of a real chain is
    // one level of 50+ nodes side by side, far too wide to read.
    const roots = graph.nodes.filter((n) => n.kind === 'leader').map((n) => `[id = ${JSON.stringify(n.id)}]`);
    return { name: 'breadthfirst', directed: true, circle: true, roots: roots.length ? roots.join(', ') : undefined, spacingFactor: 1.9, avoidOverlap: true, animate: false };
  }
  return { name: 'fcose', quality: 'default', randomize: true, animate: false, nodeRepulsion: 6000, idealEdgeLength: 80 };
}

function download(name, href) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export default function GraphView({ response }) {
  const container = useRef(null);
  const cyRef = useRef(null);
  const [selected, setSelected] = useState(null);
  const [large, setLarge] = useState(false);

  const parsed = useMemo(() => {
    if (!response) return { graph: null, error: null };
    try {
      return { graph: resultToGraph(JSON.parse(response)), error: null };
    } catch (error) {
      return { graph: null, error: String(error.message ?? error) };
    }
  }, [response]);
  const graph = parsed.graph;

  useEffect(() => {
    setSelected(null);
    if (!graph || !container.current || graph.nodes.length === 0) return undefined;
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...graph.nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.label, kind: n.kind } })),
        ...graph.edges.map((e) => ({ group: 'edges', data: e })),
      ],
      style: styleFor(1),
      layout: layoutFor(graph),
      wheelSensitivity: 0.3,
      minZoom: 0.1,
      maxZoom: 1.6,
    });
    cy.on('tap', 'node', (event) => {
      const node = graph.nodes.find((n) => n.id === event.target.id());
      setSelected(node ? { ...node, degree: event.target.degree() } : null);
    });
    cy.on('tap', (event) => {
      if (event.target === cy) setSelected(null);
    });
    cyRef.current = cy;
    // Cytoscape only notices window resizes; the pane also changes width when it
    // opens wide, when the user drags GraphiQL's bar and on Enlarge/Shrink.
    let frame = 0;
    const refit = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        cy.resize();
        fitReadable(cy);
      });
    });
    refit.observe(container.current);
    // What was actually drawn, for the browser test (and anyone inspecting the page).
    container.current.dataset.drawnNodes = String(cy.nodes().length);
    container.current.dataset.drawnEdges = String(cy.edges().length);
    container.current.cy = cy;
    return () => {
      refit.disconnect();
      cancelAnimationFrame(frame);
      cy.destroy();
      cyRef.current = null;
    };
  }, [graph]);

  // "Enlarge" lays the same picture over the page (the ResizeObserver refits it);
  // Escape closes it, as it closes GraphiQL's own dialogs.
  useEffect(() => {
    if (!large) return undefined;
    const onKey = (event) => {
      if (event.key === 'Escape') setLarge(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [large]);

  if (!response) return <p className="duban-graph-hint">Run a query; its result is drawn here as a network (leaders, units, tasks).</p>;
  if (parsed.error) return <p className="duban-graph-hint">The result is not JSON: {parsed.error}</p>;

  const exportPng = () => {
    const cy = cyRef.current;
    if (cy) download('duban-graph.png', URL.createObjectURL(cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' })));
  };
  const exportSvg = () => {
    const cy = cyRef.current;
    if (cy) download('duban-graph.svg', URL.createObjectURL(new Blob([cy.svg({ full: true, scale: 1, bg: '#ffffff' })], { type: 'image/svg+xml' })));
  };

  return (
    <div className={large ? 'duban-graph duban-graph--large' : 'duban-graph'}>
      <div className="duban-graph-toolbar">
        <span data-testid="graph-counts">
          {graph.nodes.length} nodes · {graph.edges.length} edges
        </span>
        <button type="button" className="graphiql-button" onClick={() => cyRef.current && fitReadable(cyRef.current)}>
          Fit
        </button>
        <button type="button" className="graphiql-button" onClick={() => setLarge(!large)} title={large ? 'Shrink (Esc)' : 'Enlarge'}>
          {large ? 'Shrink' : 'Enlarge'}
        </button>
        <button type="button" className="graphiql-button" onClick={exportPng}>
          PNG
        </button>
        <button type="button" className="graphiql-button" onClick={exportSvg}>
          SVG
        </button>
      </div>
      <div className="duban-graph-legend">
        <span className="lead">━ 牵头 LEAD</span> <span className="co">┅ 协同 CO</span> <span className="share">━ 共同任务</span> <span className="leader">┈ 责任领导</span>
      </div>
      {graph.nodes.length === 0 ? (
        <p className="duban-graph-hint">Nothing to draw: ask for leaders, units or tasks with their names (e.g. the “Chain” tab).</p>
      ) : (
        <div
          ref={container}
          className="duban-graph-canvas"
          data-testid="graph-canvas"
          data-nodes={graph.nodes.length}
          data-edges={graph.edges.length}
          data-layout={layoutFor(graph).name}
        />
      )}
      {selected && (
        <dl className="duban-graph-fields" data-testid="graph-fields">
          <dt>{KIND_NAME[selected.kind]}</dt>
          <dd>{selected.label}</dd>
          {Object.entries(selected.fields).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{String(v)}</dd>
            </div>
          ))}
          <dt>edges in picture</dt>
          <dd>{selected.degree}</dd>
        </dl>
      )}
    </div>
  );
}
