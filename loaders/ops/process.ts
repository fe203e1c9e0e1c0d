/**
 * Process facts the clean-up and the writer lock rely on: whether the process
 * that left a temp file or a lock behind is still running.
 */

/** True when a process with this id runs (or exists under another user: EPERM). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
