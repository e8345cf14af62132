// `npm run api`: the headless API on 127.0.0.1:4566 (PORT to change it), with the simulation running.
import { Engine } from '../src/engine/index.ts';
import { createHttpServer } from '../src/mocks/http-server.ts';

const port = Number(process.env.PORT ?? 4566);
const host = process.env.HOST ?? '127.0.0.1';
const seed = process.env.SEED === undefined ? undefined : Number(process.env.SEED);
const engine = new Engine({ wallClock: Date.now, seed, simulation: process.env.SIMULATION !== 'false' });
const server = createHttpServer({ engine });
setInterval(() => engine.tick(), 1000).unref();
server.listen(port, host, () => {
  console.log(
    `Watchtrail API (CloudWatch JSON 1.0, CloudTrail JSON 1.1) listening on http://${host}:${port}`,
  );
  console.log(
    `  seed ${engine.seed}, simulation ${engine.simulationEnabled ? 'on' : 'off'}; control: http://${host}:${port}/_watchtrail/clock`,
  );
});
