// Stands in for cacheable-lookup, which got uses only with its `dnsCache` option (never set here).
export default class CacheableLookup {
  constructor() {
    throw new Error("qcase is built without got's dnsCache support (see build.mjs)");
  }
}
