// Optional CPU profile of a page while an action runs (BENCH_PROFILE=1): the functions with the
// most self time, to see what dominates a long task. Sampling adds overhead, so timings from a
// profiled run are for diagnosis only.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `action` under the V8 sampling profiler; returns {result, top, profile}. */
export async function profiled(page, action, intervalUs = 100) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  let result;
  let profile;
  try {
    result = await action();
  } finally {
    ({ profile } = await cdp.send('Profiler.stop'));
    await cdp.detach();
  }
  if (process.env.BENCH_TRACE_DIR) {
    // as a file that DevTools' Performance panel opens (diagnosis)
    mkdirSync(process.env.BENCH_TRACE_DIR, { recursive: true });
    writeFileSync(join(process.env.BENCH_TRACE_DIR, `profile-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  }
  return { result, top: topFunctions(profile), profile };
}

/**
 * Self time per function (ms), largest first, idle and program excluded. Options: `n` functions;
 * `windows`: [[from, to]] in µs on the trace clock (which the profile's timestamps share), only
 * the samples inside them; `total`: time with callees (each function once per sample) instead.
 */
export function topFunctions(profile, { n = 12, windows = null, total = false } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children || []) parent.set(c, node.id);
  const keyOf = (cf) => {
    // Rust symbols: drop the hash suffix and crate disambiguators
    const name = (cf.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
    if (name === '(idle)' || name === '(program)' || name === '(root)') return null;
    const file = cf.url ? cf.url.split('/').pop().replace(/-[0-9a-f]{16}/, '') : '';
    return file ? `${name} [${file}]` : name;
  };
  const self = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i] ?? 0;
    const dt = timeDeltas[i + 1] ?? 0; // a sample's time runs until the next sample
    if (windows && !windows.some(([a, b]) => t >= a && t < b)) continue;
    const keys = new Set();
    for (let id = samples[i]; id !== undefined; id = total ? parent.get(id) : undefined) {
      const key = keyOf(byId.get(id).callFrame);
      if (key) keys.add(key);
    }
    for (const key of keys) self.set(key, (self.get(key) || 0) + dt);
  }
  return [...self.entries()]
    .map(([name, us]) => ({ name, ms: +(us / 1000).toFixed(2) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n);
}
