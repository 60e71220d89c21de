// Where Lighthouse's simulated Total Blocking Time comes from (issue 15): the same simulation Lighthouse
// runs (Lantern, from the run's trace and network log), split by what each long task did. A task of the
// simulated load counts as Lantern counts it (the part of it between the simulated first contentful paint
// and time to interactive, less 50 ms, averaged over Lantern's optimistic and pessimistic estimates); its
// blocking time is shared among the causes in proportion to the time its top-level trace events spent on
// each. So `npm run bench:floor` can say which part of the policy page's TBT the empty page has too (the
// evaluation of React's chunk) and which part it has not (say, the first screen's parse, style and layout).
import { LanternFirstContentfulPaint } from "lighthouse/core/computed/metrics/lantern-first-contentful-paint.js";
import { LanternInteractive } from "lighthouse/core/computed/metrics/lantern-interactive.js";
import { LanternTotalBlockingTime } from "lighthouse/core/computed/metrics/lantern-total-blocking-time.js";

/** The causes, in the order reports list them. */
export const CAUSES = ["script", "rendering", "navigation", "other"];

export const CAUSE_LABELS = {
  script: "scripts (evaluation, hydration, callbacks)",
  rendering: "HTML parse, style, layout, paint",
  navigation: "committing the navigation",
  other: "other",
};

const RENDERING = new Set([
  "ParseHTML",
  "ParseAuthorStyleSheet",
  "UpdateLayoutTree",
  "RecalculateStyles",
  "Layout",
  "PrePaint",
  "Paint",
  "PaintImage",
  "Layerize",
  "UpdateLayer",
  "UpdateLayerTree",
  "HitTest",
  "Decode Image",
  "IntersectionObserverController::computeIntersections",
]);

/** What a trace event spent its time on. */
export function causeOf(name) {
  if (RENDERING.has(name)) return "rendering";
  if (name.startsWith("DocumentLoader::") || name === "LocalWindowProxy::Initialize") return "navigation";
  if (
    name === "EvaluateScript" ||
    name === "FunctionCall" ||
    name === "TimerFire" ||
    name === "FireIdleCallback" ||
    name === "FireAnimationFrame" ||
    name === "RunMicrotasks" ||
    name === "EventDispatch" ||
    name === "MinorGC" ||
    name === "MajorGC" ||
    name.startsWith("v8.") ||
    name.startsWith("V8.")
  )
    return "script";
  return "other";
}

/**
 * How a task's time divides among the causes: by its top-level child events (those no other child event
 * contains), so nested events are not counted twice; the rest of the task is "other". Fractions sum to 1.
 */
export function shares(taskDuration, childEvents) {
  const spans = childEvents
    .filter((e) => e.ph === "X" && e.dur > 0)
    .map((e) => ({ name: e.name, start: e.ts, end: e.ts + e.dur }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const top = [];
  for (const s of spans) {
    const last = top[top.length - 1];
    if (last && s.start >= last.start && s.end <= last.end) continue;
    top.push(s);
  }
  const out = Object.fromEntries(CAUSES.map((c) => [c, 0]));
  if (!(taskDuration > 0)) return { ...out, other: 1 };
  let covered = 0;
  for (const s of top) {
    const us = Math.min(s.end - s.start, taskDuration - covered);
    if (us <= 0) break;
    out[causeOf(s.name)] += us / taskDuration;
    covered += us;
  }
  out.other += Math.max(0, 1 - covered / taskDuration);
  return out;
}

/** Lantern's blocking time of one simulated task (TBTUtils.calculateTbtImpactForEvent, top-level tasks). */
export function blockingOf({ start, end }, fromMs, toMs) {
  if (toMs <= fromMs || end < fromMs || start > toMs) return 0;
  const clipped = Math.min(end, toMs) - Math.max(start, fromMs);
  return clipped < 50 ? 0 : clipped - 50;
}

/**
 * Splits one estimate's simulated tasks: `tasks` are [{ start, end, duration, shares }] in simulated ms.
 * Returns the blocking time per cause (ms).
 */
export function splitBlocking(tasks, fromMs, toMs) {
  const out = Object.fromEntries(CAUSES.map((c) => [c, 0]));
  for (const t of tasks) {
    const ms = blockingOf(t, fromMs, toMs);
    if (!ms) continue;
    for (const c of CAUSES) out[c] += ms * t.shares[c];
  }
  return out;
}

/**
 * The simulated TBT of one Lighthouse run split by cause, from its artifacts. `total` is Lantern's own
 * figure, which the causes add up to.
 */
export async function blockingByCause(artifacts, settings) {
  const data = {
    trace: artifacts.Trace,
    devtoolsLog: artifacts.DevtoolsLog,
    gatherContext: artifacts.GatherContext,
    settings,
    URL: artifacts.URL,
    SourceMaps: artifacts.SourceMaps,
    simulator: null,
  };
  const context = { computedCache: new Map(), settings };
  const fcp = await LanternFirstContentfulPaint.request(data, context);
  const tti = await LanternInteractive.request(data, context);
  const tbt = await LanternTotalBlockingTime.request(data, context);
  const estimate = (est, fromMs, toMs) => {
    const tasks = [...est.nodeTimings.entries()]
      .filter(([node, t]) => node.type === "cpu" && t.duration >= 50)
      .map(([node, t]) => ({
        start: t.startTime,
        end: t.endTime,
        duration: t.duration,
        shares: shares(node.event.dur, node.childEvents),
      }));
    return splitBlocking(tasks, fromMs, toMs);
  };
  // as Lantern pairs them: the optimistic TBT runs from the pessimistic FCP, and the other way round
  const optimistic = estimate(
    tbt.optimisticEstimate,
    fcp.pessimisticEstimate.timeInMs,
    tti.optimisticEstimate.timeInMs,
  );
  const pessimistic = estimate(
    tbt.pessimisticEstimate,
    fcp.optimisticEstimate.timeInMs,
    tti.pessimisticEstimate.timeInMs,
  );
  const byCause = Object.fromEntries(CAUSES.map((c) => [c, (optimistic[c] + pessimistic[c]) / 2]));
  return { total: tbt.timing, byCause };
}
