// Stands in for cacheable-request, which got uses only with its `cache` option (never set here).
export default class CacheableRequest {
  constructor() {
    throw new Error("qcase is built without got's cache support (see build.mjs)");
  }
}
export class CacheError extends Error {}
