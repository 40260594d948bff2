import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

// The bundle is built by scripts/build-graphiql.js. Apollo's own landing pages
// load code and fonts from CDNs, which a closed network does not have.
const MISSING = 'GraphiQL is not built: run `npm run build:graphiql`.\n';

// Belt and braces for "nothing leaves the host": the browser itself refuses any
// other origin. Monaco sets inline styles, and the CSS carries its fonts as data: URLs.
const CSP = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "frame-ancestors 'self'",
].join('; ');

/** Mount before Apollo: serves /graphiql/* and, to browsers only, GraphiQL at GET /graphql. */
export function graphiqlRouter(publicDir: string): express.Router {
  const router = express.Router();
  const indexHtml = path.join(publicDir, 'index.html');

  // The bundle may be (re)built while the server runs, so look each time.
  const sendPage: express.RequestHandler = (_req, res) => {
    if (!fs.existsSync(indexHtml)) {
      res.status(503).type('text/plain').send(MISSING);
      return;
    }
    res.set({ 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' }).sendFile(indexHtml);
  };

  router.use('/graphiql', express.static(publicDir, { index: false }));
  router.get(['/graphiql', '/graphiql/'], sendPage);
  router.use('/graphiql', (_req, res) => {
    if (fs.existsSync(indexHtml)) res.sendStatus(404);
    else res.status(503).type('text/plain').send(MISSING);
  });

  // GraphQL-over-HTTP GETs (a `query` parameter, or clients preferring JSON)
  // are Apollo's; only a browser navigating to the endpoint gets the IDE.
  router.get('/graphql', (req, res, next) => {
    const wantsPage = req.accepts(['application/json', 'text/html']) === 'text/html' && req.query.query === undefined;
    if (wantsPage) sendPage(req, res, next);
    else next();
  });

  return router;
}
