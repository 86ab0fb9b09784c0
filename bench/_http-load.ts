// HTTP load for the benchmarks: C keep-alive clients in a worker thread (the other core) for S seconds,
// and the paired comparison of an endpoint with its baseline in alternating rounds, so that a machine
// whose speed drifts during the run (a shared host) slows both sides of each pair alike.
import { Worker } from 'node:worker_threads';

/** One request the clients send: `{n}` in the body is replaced by a counter. */
export interface RequestTemplate {
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly expect: number;
}

export interface Target {
  readonly port: number;
  readonly requests: readonly RequestTemplate[];
  readonly headers?: Record<string, string>;
}

export interface Run {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly ok: number;
  readonly errors: number;
}

interface RawRun {
  readonly latencies: number[];
  readonly ok: number;
  readonly errors: number;
  readonly seconds: number;
}

// The load generator, in plain JavaScript for a worker: C keep-alive loops for S seconds; each request is
// one of the given templates (method, path, body), `{n}` replaced by a counter.
const CLIENT = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { port, requests, clients, seconds, headers } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const latencies = []; let ok = 0; let errors = 0; let n = 0;
const end = performance.now() + seconds * 1000;
function once(t) {
  return new Promise((resolve) => {
    const body = t.body === undefined ? undefined : t.body.replaceAll('{n}', String(n));
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method: t.method, path: t.path, agent,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => { res.resume(); res.on('end', () => {
        if (res.statusCode === t.expect) { ok++; latencies.push(performance.now() - started); } else { errors++; }
        resolve(); }); });
    req.on('error', () => { errors++; resolve(); });
    if (body !== undefined) req.write(body);
    req.end();
  });
}
(async () => {
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) { n++; await once(requests[n % requests.length]); }
  }));
  agent.destroy();
  parentPort.postMessage({ latencies, ok, errors });
})();
`;

function loadRaw(target: Target, options: { clients: number; seconds: number }): Promise<RawRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, {
      eval: true,
      workerData: {
        port: target.port,
        requests: target.requests,
        clients: options.clients,
        seconds: options.seconds,
        headers: target.headers ?? {},
      },
    });
    worker.once('error', reject);
    worker.once('message', (m: { latencies: number[]; ok: number; errors: number }) =>
      resolve({ ...m, seconds: options.seconds }),
    );
  });
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Requests a second (the median over the runs), and latency percentiles over every request of every run. */
function summarise(runs: readonly RawRun[]): Run & { readonly rounds: number[] } {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
  const rounds = runs.map((r) => Math.round(r.ok / r.seconds));
  return {
    perSecond: Math.round(median(rounds)),
    p50: round2(at(50)),
    p99: round2(at(99)),
    ok: runs.reduce((sum, r) => sum + r.ok, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    rounds,
  };
}

/** One run of S seconds. */
export async function load(target: Target, options: { clients: number; seconds: number }): Promise<Run> {
  const { rounds: _, ...run } = summarise([await loadRaw(target, options)]);
  return run;
}

export interface Comparison {
  readonly subject: Run & { readonly rounds: number[] };
  readonly baseline: Run & { readonly rounds: number[] };
  /** subject / baseline of each round. */
  readonly ratios: number[];
  /** The median of the rounds' ratios. */
  readonly ratio: number;
}

/**
 * The subject beside its baseline in R rounds of one run each, the order swapped every round (baseline
 * first, then subject first, ...), so a slow spell of the machine falls on both sides of a round. The
 * ratio is the median of the rounds' ratios: each compares two runs a few seconds apart. Each side first
 * runs one uncounted second (compiled code, caches and pooled connections warm, as on a serving machine).
 */
export async function compareInRounds(
  subject: Target,
  baseline: Target,
  options: { clients: number; seconds: number; rounds: number; afterWarmUp?: () => void },
): Promise<Comparison> {
  await loadRaw(baseline, { ...options, seconds: 1 });
  await loadRaw(subject, { ...options, seconds: 1 });
  options.afterWarmUp?.();
  const subjectRuns: RawRun[] = [];
  const baselineRuns: RawRun[] = [];
  for (let i = 0; i < options.rounds; i++) {
    if (i % 2 === 0) {
      baselineRuns.push(await loadRaw(baseline, options));
      subjectRuns.push(await loadRaw(subject, options));
    } else {
      subjectRuns.push(await loadRaw(subject, options));
      baselineRuns.push(await loadRaw(baseline, options));
    }
  }
  const s = summarise(subjectRuns);
  const b = summarise(baselineRuns);
  const ratios = s.rounds.map((perSecond, i) => round2(perSecond / (b.rounds[i] ?? Number.NaN)));
  return { subject: s, baseline: b, ratios, ratio: round2(median(ratios)) };
}
