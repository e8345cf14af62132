import { setupServer } from 'msw/node';
import { Engine, type EngineOptions } from '../engine/index.ts';
import { createHandlers } from './handlers.ts';

/** An engine served through msw/node, for contract tests with the official SDK clients. */
export function createNodeMock(options: Partial<EngineOptions> = {}) {
  const engine = new Engine({ wallClock: Date.now, ...options });
  const server = setupServer(...createHandlers({ engine }));
  return { engine, server };
}
