import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Resolves once `n` requests arrived (rejects after `timeoutMs`). */
  until(n: number, timeoutMs?: number): Promise<void>;
  /** Answers every request held so far ('hang') with `status`. */
  answerHeld(status: number): void;
  close(): Promise<void>;
}

/**
 * A webhook receiver on 127.0.0.1 (never another address): `answer(i)` gives
 * the status for the i-th request (0-based), or 'hang' to never answer.
 */
export async function startReceiver(answer: (i: number) => number | 'hang'): Promise<Receiver> {
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const i = received.length;
      received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      waiters.forEach((w) => w());
      const status = answer(i);
      if (status === 'hang') hanging.add(res);
      else res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    until(n, timeoutMs = 15_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (received.length >= n) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${n} requests; got ${received.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    answerHeld(status) {
      for (const res of hanging) res.writeHead(status).end();
      hanging.clear();
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
