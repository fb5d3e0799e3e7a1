// The load generator of bench/redirect.bench.ts, in a worker thread: `connections`
// loops, each on its own keep-alive connection from its own loopback address (a
// visitor's), sending a few requests and then moving to a fresh address. Mix per request:
// 2% unknown codes, 5% bots (not counted), 10% a repeat of the previous click (the same
// visitor again; never twice in a row, so the per-visitor cap is not reached), the rest
// new visitors, 80% of them on the 20 hottest links.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

interface LoadInput { port: number; codes: string[]; connections: number; seconds: number; warmUpSeconds: number }
interface PhaseCounts { requests: number; redirects: number; notFound: number; other: number; bots: number; addresses: number; seconds: number }
export interface LoadReport {
  measured: PhaseCounts;
  warmUpSeconds: number;
  latenciesMs: number[];
  /** Over warm-up and measurement: what the database must hold. */
  total: { countedClicks: number; repeatClicks: number };
}

const REQUESTS_PER_ADDRESS = 20;
const HOT_LINKS = 20;
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const BOT = 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)';

const input = workerData as LoadInput;
let addressCounter = 0;
/** 127.1.0.1, 127.1.0.2, …: every loopback address reaches the server, each a different visitor address. */
const nextAddress = () => {
  const n = ++addressCounter;
  return `127.${1 + (n >> 16)}.${(n >> 8) & 255}.${n & 255 || 1}`;
};

function get(agent: http.Agent, path: string, userAgent: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: input.port, path, agent, headers: { 'user-agent': userAgent } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

const phase = (): PhaseCounts => ({ requests: 0, redirects: 0, notFound: 0, other: 0, bots: 0, addresses: 0, seconds: 0 });
let current = phase();
let measuring = false;
let stopAt = 0;
const latenciesMs: number[] = [];
const total = { countedClicks: 0, repeatClicks: 0 };
let visitorCounter = 0;

async function visitorLoop(): Promise<void> {
  while (Date.now() < stopAt) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: nextAddress() });
    current.addresses++;
    let previous: { path: string; userAgent: string; repeat: boolean; bot: boolean } | undefined;
    for (let i = 0; i < REQUESTS_PER_ADDRESS && Date.now() < stopAt; i++) {
      const roll = Math.random();
      const repeat = previous !== undefined && !previous.repeat && roll < 0.1;
      const code = input.codes[Math.random() < 0.8 ? Math.floor(Math.random() * HOT_LINKS) : Math.floor(Math.random() * input.codes.length)]!;
      const unknown = !repeat && roll > 0.98;
      const bot = repeat ? previous!.bot : !unknown && roll > 0.93;
      const path = repeat ? previous!.path : unknown ? `/s/zz${code.slice(2)}x` : `/s/${code}`;
      const userAgent = repeat ? previous!.userAgent : bot ? BOT : `${BROWSER} visitor/${++visitorCounter}`;
      const started = performance.now();
      const status = await get(agent, path, userAgent);
      if (measuring) latenciesMs.push(performance.now() - started);
      current.requests++;
      if (status === 302) current.redirects++;
      else if (status === 404) current.notFound++;
      else current.other++;
      if (bot) current.bots++;
      if (status === 302 && !bot) {
        total.countedClicks++;
        if (repeat) total.repeatClicks++;
      }
      previous = { path, userAgent, repeat, bot };
    }
    agent.destroy();
  }
}

async function run(seconds: number): Promise<PhaseCounts> {
  current = phase();
  const started = performance.now();
  stopAt = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: input.connections }, () => visitorLoop()));
  return { ...current, seconds: (performance.now() - started) / 1000 };
}

const warmUp = await run(input.warmUpSeconds);
measuring = true;
const measured = await run(input.seconds);
parentPort!.postMessage({ measured, warmUpSeconds: warmUp.seconds, latenciesMs, total } satisfies LoadReport);
