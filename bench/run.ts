// `npm run bench`: prints each figure the issues name beside its target. A benchmark, not a test.
import { alarmFigures } from './alarm-bench.ts';
import { bundleSize, dashboardTimings, ensureBuild } from './browser-bench.ts';
import { dashboardEditorFigures } from './dashboard-editor-bench.ts';
import { chartPoints, getMetricData, ingest } from './engine-bench.ts';
import { type Figure, print } from './figure.ts';
import { trailFigures } from './trail-bench.ts';
import { trailBrowserFigures } from './trail-browser-bench.ts';
import { tunerBrowserFigures } from './tuner-browser-bench.ts';
import { tunerFigures } from './tuner-bench.ts';

const figures: Figure[] = [];
const show = (fs: Figure | Figure[]) => {
  for (const f of Array.isArray(fs) ? fs : [fs]) {
    figures.push(f);
    print(f);
  }
};

console.log(`Watchtrail benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
show(ingest());
show(await getMetricData());
show(chartPoints());
show(await alarmFigures());
show(tunerFigures());
show(trailFigures());
ensureBuild();
show(bundleSize());
show(await dashboardTimings());
show(await dashboardEditorFigures());
show(await trailBrowserFigures());
show(await tunerBrowserFigures());
const missed = figures.filter((f) => f.ok === false);
console.log(`\n${figures.filter((f) => f.ok).length} figures on target, ${missed.length} missed.`);
