import { monitorEventLoopDelay } from 'node:perf_hooks';
import { largePlan } from '../../scripts/large-document';
import { parseDocument } from '../../src/import/parse-document';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { type ApiServer, startApiServer } from '../support/api-server';
import { registry } from '../support/seeds';

// A plan of 20,000 key tasks (a few MB of text): parsing it takes long enough that, on the request
// thread, every other request would wait for it.
const ROWS = 20_000;

/** The longest the event loop of this process (the server's: it runs in-process) was held up while `work` ran. */
async function maxDelayMs(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // enable() starts its timer on the next turn of the loop; work that blocks before that goes unseen.
  await new Promise((resolve) => setTimeout(resolve, 30));
  try {
    await work();
    // The histogram samples on its timer: one more turn records a block that lasted the whole time.
    await new Promise((resolve) => setTimeout(resolve, 30));
  } finally {
    histogram.disable();
  }
  return histogram.max / 1e6;
}

describe('an upload does not block the event loop', () => {
  let api: ApiServer;
  let office: TestKey;
  const bytes = largePlan(ROWS, 2031);

  beforeAll(async () => {
    api = await startApiServer();
    office = await makeKey(api.db.dataSource, AccountRole.OFFICE);
  });
  afterAll(() => api?.stop());

  it(`keeps answering other requests while a ${ROWS}-row plan is parsed`, async () => {
    // Warm the parse thread first: its start (ts-node compiling the parser) is not the point here.
    await fetch(`${api.origin}/documents`, { method: 'POST', headers: { authorization: `Bearer ${office.token}`, 'x-filename': 'small.txt' }, body: new Uint8Array(largePlan(10, 2032)) });

    const started = Date.now();
    const blocking = await maxDelayMs(async () => parseDocument(bytes, 'big.txt', registry));
    const inThreadMs = Date.now() - started;

    let answered = 0;
    let uploadMs = 0;
    let response: Response;
    const during = await maxDelayMs(async () => {
      const t0 = Date.now();
      const upload = fetch(`${api.origin}/documents`, { method: 'POST', headers: { authorization: `Bearer ${office.token}`, 'x-filename': 'big.txt' }, body: new Uint8Array(bytes) });
      let done = false;
      void upload.then(() => (done = true));
      // Health checks meanwhile: each must be answered while the upload is parsed.
      while (!done) {
        const health = await fetch(`${api.origin}/health`);
        expect(health.status).toBe(200);
        answered += 1;
      }
      response = await upload;
      uploadMs = Date.now() - t0;
    });
    // Read after the measurement: parsing the multi-megabyte answer is the test's work, in this same process.
    expect(response!.status).toBe(200);
    const body = await response!.json();
    expect(body.preview.sections.at(-1).items).toHaveLength(ROWS);
    // The figures, for the report of a run (they are not asserted: the machine is shared).
    console.log(`parse in-thread ${inThreadMs} ms (event loop held ${blocking.toFixed(0)} ms); upload ${uploadMs} ms, event loop held at most ${during.toFixed(0)} ms, ${answered} health checks answered meanwhile`);
    expect(blocking).toBeGreaterThan(500);
    expect(during).toBeLessThan(blocking / 3);
    expect(answered).toBeGreaterThan(3);
  });
});
