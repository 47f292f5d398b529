// One benchmark at a time on a machine: a second run alongside would disturb both (2 cores).
// The lock is a file in the temp folder holding the owner's pid; a dead owner's lock is taken over.
import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCK = join(tmpdir(), 'article-annotator-bench.lock');

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function tryTake() {
  try {
    const fd = openSync(LOCK, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    let owner = NaN;
    try {
      owner = Number(readFileSync(LOCK, 'utf8'));
    } catch {
      return false;
    }
    if (!alive(owner)) {
      try {
        unlinkSync(LOCK);
      } catch {}
    }
    return false;
  }
}

/**
 * Waits (up to `waitMs`) until no other benchmark runs, then holds the lock until exit.
 * Returns false when it gave up waiting (the run goes on, unlocked).
 */
export async function benchLock(waitMs) {
  const until = Date.now() + waitMs;
  let told = false;
  while (!tryTake()) {
    if (Date.now() >= until) return false;
    if (!told) {
      process.stderr.write(`waiting for another benchmark run to finish (${LOCK})\n`);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  const release = () => {
    try {
      if (Number(readFileSync(LOCK, 'utf8')) === process.pid) unlinkSync(LOCK);
    } catch {}
  };
  process.on('exit', release);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
  return true;
}
