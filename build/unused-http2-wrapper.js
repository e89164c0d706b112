// Bundled in place of the packages behind got features qcase never turns on: HTTP/2 (`http2`),
// response caching (`cache`), DNS caching (`dnsCache`) and decompression (`decompress: false` in
// src/api/client.ts). got imports them all at start-up; http2-wrapper alone builds a TLSSocket on
// import, loading Node's root-CA store. Measured in the closing note of the performance issue.
// Reaching any of them by mistake fails loudly instead of silently doing less.
const unavailable = (feature) => () => {
  throw new Error(`qcase is built without got's ${feature} support (see build.mjs)`);
};

// http2-wrapper: only used when the `http2` option is on.
export default {
  get globalAgent() {
    return unavailable('HTTP/2')();
  },
  get auto() {
    return unavailable('HTTP/2')();
  },
};
