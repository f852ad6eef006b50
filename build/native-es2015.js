// twitter-text requires core-js's ES2015 polyfills; every browser this extension supports has those
// features natively, so vite.config.ts resolves each polyfill here, to nothing.
export {};
