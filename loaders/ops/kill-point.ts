/**
 * Test hook: stop the process at a named point, as a kill or a power cut would.
 *
 *   PIK_TEST_KILL_AT=warehouse-renamed npm run ingest      → SIGKILL right there
 *   PIK_TEST_KILL_AT=… PIK_TEST_KILL_SIGNAL=SIGTERM         → a polite kill (Ctrl+C-like)
 *   PIK_TEST_KILL_AT=… PIK_TEST_KILL_SIGNAL=SIGSTOP         → paused there until SIGCONT (a slow writer)
 *
 * Why: what a kill leaves behind (issue 12) can only be tested by killing at the
 * exact moment in question; timing a kill from outside would make the tests flaky.
 * Unset (always, outside tests) it costs one environment lookup.
 */
import { readdirSync } from "node:fs";

export async function killPoint(name: string): Promise<void> {
  if (process.env.PIK_TEST_KILL_AT !== name) return;
  const signal = (process.env.PIK_TEST_KILL_SIGNAL ?? "SIGKILL") as NodeJS.Signals;
  process.kill(process.pid, signal);
  if (signal === "SIGSTOP") return;
  // A catchable signal is handled on a later turn of the event loop: wait here for it,
  // with a timer, as a bare pending promise would let Node exit with 0 first.
  await new Promise<never>(() => setInterval(() => {}, 1000));
}

/**
 * Test hook for a process whose work happens in a library (Framework's build):
 * with PIK_TEST_KILL_AT=`name`, SIGKILL this process as soon as `dir` holds a file,
 * i.e. after the library started writing its output and before it finished.
 */
export function killWhenWritten(name: string, dir: string): void {
  if (process.env.PIK_TEST_KILL_AT !== name) return;
  const timer = setInterval(() => {
    let written = false;
    try {
      written = readdirSync(dir).length > 0;
    } catch {
      /* not created yet */
    }
    if (written) process.kill(process.pid, "SIGKILL");
  }, 20);
  timer.unref();
}
