// Setup of every vitest file: the alarm tuner runs in-process (Node has no Web Worker), dashboard
// bodies are validated by the engine's validator (as in the app), and a jsdom canvas answers
// getContext with null, which the canvas components already handle, instead of logging an error for
// each canvas.
import { type Tuner, registerTuner } from './lib/alarm-tuner.ts';
import { registerDashboardValidator } from './lib/dashboard-validation.ts';
import { engineDashboardValidator } from './mocks/dashboard-validation.ts';

/** The in-process tuner, imported (with the engine) by the first test that uses it. */
function lazyLocalTuner(): Tuner {
  let loaded: Promise<Tuner> | undefined;
  let tuner: Tuner | undefined;
  const get = () =>
    (loaded ??= import('./mocks/tuner-local.ts').then((m) => {
      tuner = m.createLocalTuner();
      return tuner;
    }));
  return {
    load: (...args) => get().then((t) => t.load(...args)),
    run: (...args) => get().then((t) => t.run(...args)),
    sweep: (...args) => get().then((t) => t.sweep(...args)),
    release: (historyId) => tuner?.release(historyId),
  };
}

registerTuner(lazyLocalTuner());
registerDashboardValidator(engineDashboardValidator);

if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
}
