// Who kept the machine's cores busy while a version typed out. A slow frame whose main thread was
// waiting for a core says little by itself; the share of the cores Chromium, the server and the
// bench took over the same window says whether the machine was short of them. Linux /proc only.
import { cpus } from 'node:os';
import { cpuPressureMicros, machineJiffies, treeCpuSeconds } from './proc';

export interface CoreUsage {
  cores: number;
  /** Share of all cores not idle, from /proc/stat: every process on the machine. */
  machinePercent: number;
  /** Share of all cores' time the hypervisor gave to other machines while this one had work (steal). */
  stealPercent: number;
  /** Share of the window in which some runnable thread waited for a core (PSI "some"; null without /proc/pressure). */
  waitingForCorePercent: number | null;
  /** Cores used on average by each process tree. */
  chromiumCores: number;
  serverCores: number;
  benchCores: number;
}

/**
 * Chromium is a child of this process (Playwright launches it), as is the server: Chromium's share is
 * this process's tree less the server's tree and this process itself. A tree's count includes its
 * reaped children, so nothing is counted twice.
 */
function cpuSecondsByTree(serverPid: number): { chromium: number; server: number; bench: number } {
  const usage = process.cpuUsage();
  const bench = (usage.user + usage.system) / 1e6;
  const server = treeCpuSeconds(serverPid);
  return { chromium: treeCpuSeconds(process.pid) - server - bench, server, bench };
}

/** Starts counting now; `stop()` gives the usage since. */
export function startCoreUsage(serverPid: number): { stop(): CoreUsage } {
  const startedAt = performance.now();
  const machineBefore = machineJiffies();
  const pressureBefore = cpuPressureMicros();
  const before = cpuSecondsByTree(serverPid);
  return {
    stop() {
      const seconds = (performance.now() - startedAt) / 1000;
      const machineAfter = machineJiffies();
      const pressureAfter = cpuPressureMicros();
      const after = cpuSecondsByTree(serverPid);
      const perSecond = (key: keyof typeof before) => (after[key] - before[key]) / seconds;
      const allJiffies = Math.max(1, machineAfter.total - machineBefore.total);
      return {
        cores: cpus().length,
        machinePercent: (100 * (machineAfter.busy - machineBefore.busy)) / allJiffies,
        stealPercent: (100 * (machineAfter.steal - machineBefore.steal)) / allJiffies,
        waitingForCorePercent:
          pressureBefore === null || pressureAfter === null ? null : (100 * (pressureAfter - pressureBefore)) / 1e6 / seconds,
        chromiumCores: perSecond('chromium'),
        serverCores: perSecond('server'),
        benchCores: perSecond('bench'),
      };
    },
  };
}
