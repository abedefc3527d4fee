// Timing, percentiles, the HTTP client the benchmark measures with, and process/disk probes.
import { cpus, loadavg, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';

/** Progress goes to stderr: stdout carries only the JSON result. */
export const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

export const seconds = (since: number) => round((performance.now() - since) / 1000, 2);

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The machine a run measured, for the JSON of every bench mode (load at start and at end). */
export function machineFacts(loadAverage1mAtStart: number) {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemGiB: round(totalmem() / 1024 ** 3),
    loadAverage1mAtStart,
    loadAverage1mAtEnd: round(loadavg()[0] ?? NaN, 2),
  };
}

export interface Stats {
  p50: number;
  p95: number;
  max: number;
  n: number;
  /** Mean response body size, to put the times in context. */
  avgKiB?: number;
  /**
   * CPU time the server process spent per operation (user + system, from /proc): unlike the
   * wall-clock times, barely affected by other processes competing for the cores.
   */
  serverCpuMs?: number;
}

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function stats(samples: number[], bytes?: number[]): Stats {
  if (samples.length === 0) return { p50: NaN, p95: NaN, max: NaN, n: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const result: Stats = {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    n: samples.length,
  };
  if (bytes && bytes.length > 0) result.avgKiB = round(bytes.reduce((a, b) => a + b, 0) / bytes.length / 1024);
  return result;
}

/** Samples of one measured operation: milliseconds and response sizes. */
export class Series {
  readonly ms: number[] = [];
  readonly bytes: number[] = [];
  /** Server CPU milliseconds spent over all the operations of this series, when measured. */
  cpuMs: number | null = null;

  add(ms: number, bytes: number, cpuMs: number | null = null) {
    this.ms.push(ms);
    this.bytes.push(bytes);
    if (cpuMs !== null) this.cpuMs = (this.cpuMs ?? 0) + cpuMs;
  }

  addTimed(r: Timed<unknown>) {
    this.add(r.ms, r.bytes, r.cpuMs);
  }

  stats(): Stats {
    const result = stats(this.ms, this.bytes);
    if (this.cpuMs !== null && this.ms.length > 0) result.serverCpuMs = round(this.cpuMs / this.ms.length);
    return result;
  }
}

export interface Timed<T> {
  body: T;
  ms: number;
  bytes: number;
  /** Server CPU used while the request ran (quantised to the clock tick, exact on average). */
  cpuMs: number | null;
}

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    /** The server's pid, to read its CPU time around each request. */
    private readonly serverPid: number | null = null,
  ) {}

  /** One request, timed from send to the last byte of the parsed body; fails on non-2xx. */
  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Timed<T>> {
    const cpuBefore = this.serverPid === null ? null : processCpuMs(this.serverPid);
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const cpuAfter = this.serverPid === null ? null : processCpuMs(this.serverPid);
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
    const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    return { body: JSON.parse(text) as T, ms, bytes: Buffer.byteLength(text), cpuMs };
  }

  get<T>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown) {
    return this.request<T>('POST', path, body);
  }
}

export interface ProcessMemory {
  vmRssMiB: number;
  vmHwmMiB: number;
}

/** Resident memory now (VmRSS) and at its peak (VmHWM), from /proc (Linux only). */
export function processMemory(pid: number): ProcessMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { vmRssMiB: round(kib('VmRSS') / 1024), vmHwmMiB: round(kib('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/** Space a directory takes on disk (allocated blocks, like `du`), in MiB. */
export function diskUsageMiB(dir: string): number {
  let bytes = 0;
  const walk = (path: string) => {
    const st = lstatSync(path);
    bytes += st.blocks * 512;
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return round(bytes / 1024 / 1024);
}

let clockTicks: number | null = null;

/** CPU time (user + system) a process has used so far, in ms; null when /proc is not there. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (clockTicks === null) {
      try {
        clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
      } catch {
        clockTicks = 100;
      }
    }
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return null;
  }
}
