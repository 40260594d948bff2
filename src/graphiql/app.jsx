// GraphiQL for duban, bundled by scripts/build-graphiql.js into public/graphiql/.
// Everything the page needs is served by the API itself: no CDN, no web fonts.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
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

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

// GraphiQL titles each tab with the query's operation name; the human titles
// in examples.json are for documentation and tests.
const defaultTabs = examples.map(({ query }) => ({ query }));

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultTabs={defaultTabs} plugins={[graphPlugin]} />,
);
