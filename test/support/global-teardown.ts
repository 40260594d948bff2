import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>).__dubanTestServer as { stop(): Promise<void>; dataDir: string } | undefined;
  if (!server) return;
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
