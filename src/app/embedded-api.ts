// The app layer composes the transport: the embedded engine is loaded as its own chunk, only when used.
export { startEmbeddedApi } from '../mocks/browser.ts';
