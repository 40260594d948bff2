import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

const MISSING = 'The upload page is not built: run `npm run build:graphiql`.\n';

// As for GraphiQL: nothing leaves the host, and the page talks only to this origin.
const CSP = ["default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "frame-ancestors 'self'"].join('; ');

/**
 * GET /upload: the office's page to upload a document, read its preview (tasks, warnings, the
 * refusal's every place) and confirm the import. Built into public/graphiql/ by
 * scripts/build-graphiql.js from src/web/upload/upload.jsx, beside GraphiQL: the same offline bundle.
 */
export function uploadPageRouter(publicDir: string): express.Router {
  const router = express.Router();
  const page = path.join(publicDir, 'upload.html');
  router.get(['/upload', '/upload/'], (_req, res) => {
    // The bundle may be (re)built while the server runs, so look each time.
    if (!fs.existsSync(page)) {
      res.status(503).type('text/plain').send(MISSING);
      return;
    }
    res.set({ 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' }).sendFile(page);
  });
  return router;
}
