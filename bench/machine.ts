// What every benchmark records about where it ran: numbers from a busy or a different
// machine do not compare, so the results say which it was.
import os from 'node:os';

/** The 1, 5 and 15 minute load averages; above 1 means other processes shared the cores. */
export const loadAverages = (): number[] => os.loadavg().map((load) => Number(load.toFixed(2)));

/** Node, CPU, cores, OS, and the load averages before (taken by the caller at the start) and now. */
export function describeMachine(loadAverageBefore: number[]) {
  return {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageBefore,
    loadAverageAfter: loadAverages(),
  };
}
