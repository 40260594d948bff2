// GraphiQL for duban, bundled by scripts/build-graphiql.js into public/graphiql/.
// Everything the page needs is served by the API itself: no CDN, no web fonts.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { editor as monacoEditor } from 'monaco-editor';
import 'graphiql/style.css';
import './app.css';
import examples from './examples.json';
import { graphPlugin } from './graph/graph-plugin.jsx';

// Must be set before Monaco starts its first worker. graphiql's own
// setup-workers modules resolve worker URLs through bundler magic / a CDN;
// these files are built next to app.js by the build script.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    switch (label) {
      case 'json':
        return new Worker('/graphiql/json.worker.js');
      case 'graphql':
        return new Worker('/graphiql/graphql.worker.js');
      default:
        return new Worker('/graphiql/editor.worker.js');
    }
  },
};

// Monaco boxes "ambiguous" characters, those that look like ASCII ones, so a
// lookalike cannot hide in code. Chinese text is full of them by design (the
// full-width comma ， and colon ：, the brackets （）), and every result
// holding a task's content came out boxed. duban's queries and results are
// data in Chinese, not code: ambiguous characters are shown as they are, and
// so is the ideographic space (U+3000), which pads names in the documents;
// other invisible characters (zero-width spaces and the like) stay boxed.
// GraphiQL creates its editors with fixed options, hence the hook.
monacoEditor.onDidCreateEditor((created) =>
  created.updateOptions({ unicodeHighlight: { ambiguousCharacters: false, allowedCharacters: { '\u3000': true } } }),
);

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

// GraphiQL titles each tab with the query's operation name; the human titles
// in examples.json are for documentation and tests.
const defaultTabs = examples.map(({ query }) => ({ query }));

// GraphiQL scrolls its tab strip (app.css makes that visible) but never brings
// the active tab into view: after the Graph pane opened wide, or a tab was added
// at the end, the tab being edited sat outside the strip.
function keepActiveTabInView(root) {
  let frame = 0;
  const reveal = (strip) => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => strip.querySelector('.graphiql-tab-active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  };
  const watch = (strip) => {
    new ResizeObserver(() => reveal(strip)).observe(strip);
    new MutationObserver(() => reveal(strip)).observe(strip, { subtree: true, childList: true, attributeFilter: ['class'] });
  };
  const waiting = new MutationObserver(() => {
    const strip = root.querySelector('.graphiql-tabs');
    if (strip) {
      waiting.disconnect();
      watch(strip);
    }
  });
  waiting.observe(root, { subtree: true, childList: true });
}

const root = document.getElementById('graphiql');
keepActiveTabInView(root);
createRoot(root).render(
  <GraphiQL fetcher={fetcher} defaultTabs={defaultTabs} plugins={[graphPlugin]} />,
);
