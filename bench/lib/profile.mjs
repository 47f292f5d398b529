// Optional CPU profile of a page while an action runs (BENCH_PROFILE=1): the functions with the
// most self time, to see what dominates a long task. Sampling adds overhead, so timings from a
// profiled run are for diagnosis only.

/** Runs `action` under the V8 sampling profiler; returns {result, top}. */
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
  return { result, top: topFunctions(profile) };
}

/** Self time per function (ms), largest first, idle and program excluded. */
export function topFunctions(profile, n = 12) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    const dt = timeDeltas[i + 1] ?? 0; // a sample's time runs until the next sample
    const cf = node.callFrame;
    // Rust symbols: drop the hash suffix and crate disambiguators
    const name = (cf.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
    if (name === '(idle)' || name === '(program)' || name === '(root)') continue;
    const file = cf.url ? cf.url.split('/').pop().replace(/-[0-9a-f]{16}/, '') : '';
    const key = file ? `${name} [${file}]` : name;
    self.set(key, (self.get(key) || 0) + dt);
  }
  return [...self.entries()]
    .map(([name, us]) => ({ name, ms: +(us / 1000).toFixed(2) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n);
}
