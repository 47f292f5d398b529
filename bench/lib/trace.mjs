// Longest main-thread task from a Chromium trace.
//
// `traced(browser, page, action)` records a trace (CDP Tracing domain, categories
// devtools.timeline + disabled-by-default-devtools.timeline) around `action`. The action marks
// its window in the page with `mark(page, 'begin')` / `mark(page, 'end')`, which emit
// console.timeStamp events into the trace on the page's renderer main thread. `longestTask`
// then returns the longest `RunTask` on that thread that starts inside the window, with a
// breakdown of where its time went (self time per trace event name, e.g. FunctionCall,
// UpdateLayoutTree, Layout, Paint, v8.compile, TimerFire).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// (v8.wasm: the engine's compiling of each wasm function at its first call, `wasmLazy`.)
// (BENCH_TRACE_EXTRA: more, for diagnosis.)
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.wasm', ...(process.env.BENCH_TRACE_EXTRA || '').split(',').filter(Boolean)];
const PREFIX = 'aa-bench:';

/** Emits a named marker into the trace from the page's main thread. */
export function mark(page, name) {
  return page.evaluate((n) => console.timeStamp(n), PREFIX + name);
}

/** Runs `action` while tracing the whole browser; returns {result, events}. */
export async function traced(browser, action) {
  const cdp = await browser.newBrowserCDPSession();
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value) events.push(ev);
  });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  let result;
  try {
    result = await action();
  } finally {
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  if (process.env.BENCH_TRACE_DIR) {
    // every trace as a file that DevTools' Performance panel opens (diagnosis)
    mkdirSync(process.env.BENCH_TRACE_DIR, { recursive: true });
    const file = join(process.env.BENCH_TRACE_DIR, `trace-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
  }
  return { result, events };
}

function stampName(e) {
  if (e.name !== 'TimeStamp') return null;
  const d = (e.args && e.args.data) || {};
  const m = d.message ?? d.name;
  return typeof m === 'string' && m.startsWith(PREFIX) ? m.slice(PREFIX.length) : null;
}

/** All marker events: [{name, ts, pid, tid}], in trace order. */
export function markers(events) {
  return events
    .map((e) => ({ name: stampName(e), ts: e.ts, pid: e.pid, tid: e.tid }))
    .filter((m) => m.name)
    .sort((a, b) => a.ts - b.ts);
}

/**
 * The longest RunTask on the thread that emitted the `end` marker, starting after the `begin`
 * marker (or anywhere before `end` when `begin` is null, e.g. for a page load).
 * Options: begin/end marker names, `after`/`before` in ms relative to begin (sub-window),
 * `containing` a marker name that the task must contain (e.g. 'setItem').
 * Returns {ms, startMs (relative to begin), breakdown, tasks, totalMs} or null without markers.
 */
export function longestTask(events, opts = {}) {
  const { begin = 'begin', end = 'end', after = 0, before = Infinity, containing = null } = opts;
  const ms = markers(events);
  const endM = [...ms].reverse().find((m) => m.name === end);
  if (!endM) return null;
  const beginM = begin ? ms.find((m) => m.name === begin && m.pid === endM.pid && m.tid === endM.tid) : null;
  if (begin && !beginM) return null;
  const t0 = beginM ? beginM.ts : -Infinity;
  const thread = events.filter((e) => e.pid === endM.pid && e.tid === endM.tid);
  const lo = beginM ? t0 + after * 1000 : -Infinity;
  const hi = beginM && Number.isFinite(before) ? Math.min(endM.ts, t0 + before * 1000) : endM.ts;
  let tasks = thread.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= lo && e.ts <= hi);
  if (containing) {
    const hits = ms.filter((m) => m.name === containing && m.pid === endM.pid && m.tid === endM.tid);
    tasks = tasks.filter((t) => hits.some((m) => m.ts >= t.ts && m.ts <= t.ts + t.dur));
  }
  if (!tasks.length) return { ms: 0, startMs: null, breakdown: [], tasks: 0, totalMs: 0 };
  const top = tasks.reduce((a, b) => (b.dur > a.dur ? b : a));
  return {
    ms: top.dur / 1000,
    startMs: beginM ? (top.ts - beginM.ts) / 1000 : null,
    breakdown: breakdown(thread, top),
    tasks: tasks.length,
    totalMs: tasks.reduce((s, t) => s + t.dur, 0) / 1000,
  };
}

/**
 * The wasm functions the engine compiled on the main thread at their first call ("lazy
 * compilation": Chromium compiles a module's functions as they are first called, not when the
 * module loads) between navigation and the `end` marker: how many, their milliseconds, and the
 * milliseconds of it inside the longest task of that window.
 */
export function wasmLazy(events, end = 'end') {
  const endM = [...markers(events)].reverse().find((m) => m.name === end);
  if (!endM) return null;
  const thread = events.filter((e) => e.pid === endM.pid && e.tid === endM.tid && e.ph === 'X' && e.ts <= endM.ts);
  const compiles = thread.filter((e) => e.name === 'wasm.CompileLazy');
  const tasks = thread.filter((e) => e.name === 'RunTask');
  const sum = (list) => list.reduce((s, e) => s + e.dur, 0) / 1000;
  const top = tasks.length ? tasks.reduce((a, b) => (b.dur > a.dur ? b : a)) : null;
  const inTop = top ? compiles.filter((e) => e.ts >= top.ts && e.ts + e.dur <= top.ts + top.dur) : [];
  return { count: compiles.length, ms: sum(compiles), inLongestMs: sum(inTop) };
}

/** Self time per event name inside one task (complete events nest on a thread). */
export function breakdown(thread, task, top = 8) {
  const end = task.ts + task.dur;
  const inside = thread
    .filter((e) => e.ph === 'X' && e !== task && e.ts >= task.ts && e.ts + (e.dur || 0) <= end && e.dur > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const label = (e) => {
    const d = (e.args && e.args.data) || {};
    if (e.name === 'FunctionCall' && d.functionName) return `FunctionCall ${d.functionName}`;
    if (e.name === 'EventDispatch' && d.type) return `EventDispatch ${d.type}`;
    if (e.name === 'TimerFire') return 'TimerFire';
    return e.name;
  };
  const stack = [{ e: task, key: '(task)', child: 0 }];
  const close = (frame) => self.set(frame.key, (self.get(frame.key) || 0) + frame.e.dur - frame.child);
  for (const e of inside) {
    while (stack.length > 1 && e.ts >= stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur) close(stack.pop());
    stack[stack.length - 1].child += e.dur;
    stack.push({ e, key: label(e), child: 0 });
  }
  while (stack.length) close(stack.pop());
  return [...self.entries()]
    .map(([name, us]) => ({ name, ms: +(us / 1000).toFixed(2) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

// Trace events that run script (as DevTools' "Scripting"): callbacks of events, timers, frames
// and idle time, microtasks, script evaluation and compilation. Nested events of the same kind
// are counted once (the union of their intervals).
const SCRIPT_EVENTS = new Set([
  'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback', 'FunctionCall', 'RunMicrotasks',
  'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.produceCache', 'v8.wasm.compiledModule',
  'v8.wasm.streamFromResponseCallback', 'MajorGC', 'MinorGC',
]);
// Work of the renderer that script can force (a layout read, a style recalc) while it runs:
// DevTools counts it as rendering, so it is taken out of the script time.
const RENDER_EVENTS = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'Layout', 'PrePaint', 'Paint', 'HitTest', 'ParseHTML', 'ParseAuthorStyleSheet']);

/** Union of [ts, ts + dur) intervals clipped to [lo, hi], as a sorted list of [a, b]. */
function union(events, lo, hi) {
  const xs = events.map((e) => [Math.max(lo, e.ts), Math.min(hi, e.ts + e.dur)]).filter(([a, b]) => b > a).sort((p, q) => p[0] - q[0]);
  const out = [];
  for (const [a, b] of xs) {
    if (out.length && a <= out[out.length - 1][1]) out[out.length - 1][1] = Math.max(out[out.length - 1][1], b);
    else out.push([a, b]);
  }
  return out;
}
const length = (xs) => xs.reduce((s, [a, b]) => s + b - a, 0);
/** xs without ys (both sorted, disjoint). */
function minus(xs, ys) {
  const out = [];
  for (const [a0, b] of xs) {
    let a = a0;
    for (const [c, d] of ys) {
      if (d <= a || c >= b) continue;
      if (c > a) out.push([a, c]);
      a = Math.max(a, d);
      if (a >= b) break;
    }
    if (a < b) out.push([a, b]);
  }
  return out;
}
function intersect(xs, ys) {
  const out = [];
  for (let i = 0, j = 0; i < xs.length && j < ys.length; ) {
    const a = Math.max(xs[i][0], ys[j][0]);
    const b = Math.min(xs[i][1], ys[j][1]);
    if (b > a) out.push([a, b]);
    if (xs[i][1] < ys[j][1]) i++;
    else j++;
  }
  return out;
}

/**
 * Main-thread work between the `begin` marker and the `end` marker (on the thread that emitted
 * `end`), events clipped to the window: `scriptMs`, the time spent running script (SCRIPT_EVENTS,
 * less the style and layout it forced), `scriptWithForcedMs` (including them), `busyMs` (all
 * tasks), and `breakdown`: self time per event name over every task in the window. Animation
 * frame callbacks of the harness itself (functions named `__aaBench…`, e.g. the watcher of
 * page.mjs's `whenPainted`) are left out of the script time and reported as `harnessMs`.
 * Null without the markers.
 */
export function windowWork(events, { begin = 'begin', end = 'end' } = {}) {
  const ms = markers(events);
  const endM = [...ms].reverse().find((m) => m.name === end);
  if (!endM) return null;
  const beginM = ms.find((m) => m.name === begin && m.pid === endM.pid && m.tid === endM.tid && m.ts <= endM.ts);
  if (!beginM) return null;
  return spanWork(events, endM, beginM.ts, endM.ts);
}

/** windowWork's measures between two trace times `lo` and `hi` (µs) on `thread`'s {pid, tid}. */
export function spanWork(events, { pid, tid }, lo, hi) {
  const thread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur > 0);
  const inWindow = thread.filter((e) => e.ts < hi && e.ts + e.dur > lo);
  const ours = inWindow.filter((e) => e.name === 'FunctionCall' && String(e.args?.data?.functionName || '').startsWith('__aaBench'));
  const harness = union(
    inWindow.filter((e) => e.name === 'FireAnimationFrame' && ours.some((f) => f.ts >= e.ts && f.ts + f.dur <= e.ts + e.dur)).concat(ours),
    lo,
    hi,
  );
  const script = minus(union(inWindow.filter((e) => SCRIPT_EVENTS.has(e.name)), lo, hi), harness);
  const render = union(inWindow.filter((e) => RENDER_EVENTS.has(e.name)), lo, hi);
  const tasks = inWindow.filter((e) => e.name === 'RunTask');
  const self = new Map();
  for (const t of tasks) for (const { name, ms: m } of breakdown(thread, t, Infinity)) self.set(name, (self.get(name) || 0) + m);
  return {
    windowMs: (hi - lo) / 1000,
    scriptMs: (length(script) - length(intersect(script, render))) / 1000,
    scriptWithForcedMs: length(script) / 1000,
    harnessMs: length(harness) / 1000,
    busyMs: length(union(tasks, lo, hi)) / 1000,
    tasks: tasks.length,
    breakdown: [...self.entries()].map(([name, m]) => ({ name, ms: +m.toFixed(2) })).sort((a, b) => b.ms - a.ms).slice(0, 10),
  };
}

/**
 * Event Timing as the trace has it: Chromium writes an "EventTiming" event for every input
 * event (whatever its duration, which is not rounded there, unlike the API's 8 ms), with the
 * event's timeStamp, processingStart/End and commitFinishTime in the page's performance.now()
 * time, the interactionId, and as its own `ts` the input's time on the trace clock.
 * The interaction of the first event of one of `types` whose timeStamp is at or after `since`
 * (performance.now() ms): {id, type and duration of its longest entry (input → next paint),
 * inputDelay, processing (processingEnd − timeStamp, the longest), commit (commitFinishTime −
 * timeStamp), lo and hi: the input's and the paint's trace times (µs), pid, tid, entries}, or null.
 */
export function traceInteraction(events, since, types) {
  const all = events
    .filter((e) => e.name === 'EventTiming' && e.ph === 'b' && e.args?.data?.interactionId && e.args.data.timeStamp >= since - 1)
    .sort((a, b) => a.ts - b.ts);
  const first = all.find((e) => types.includes(e.args.data.type));
  if (!first) return null;
  const mine = all.filter((e) => e.args.data.interactionId === first.args.data.interactionId);
  const top = mine.reduce((a, b) => (b.args.data.duration > a.args.data.duration ? b : a));
  const d = top.args.data;
  const r = (x) => +x.toFixed(2);
  return {
    id: d.interactionId,
    type: d.type,
    duration: d.duration,
    inputDelay: r(Math.min(...mine.map((e) => e.args.data.processingStart - e.args.data.timeStamp))),
    processing: r(Math.max(...mine.map((e) => e.args.data.processingEnd - e.args.data.timeStamp))),
    commit: Number.isFinite(d.commitFinishTime) ? r(d.commitFinishTime - d.timeStamp) : null,
    lo: top.ts,
    hi: top.ts + d.duration * 1000,
    pid: top.pid,
    tid: top.tid,
    entries: mine.map((e) => [e.args.data.type, r(e.args.data.duration), r(e.args.data.processingEnd - e.args.data.timeStamp)]),
  };
}
