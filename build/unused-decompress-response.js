// Stands in for decompress-response; src/api/client.ts sets `decompress: false` (QRadar's JSON is
// small and sent uncompressed when no Accept-Encoding is asked for).
export default function decompressResponse() {
  throw new Error("qcase is built without got's decompress support (see build.mjs)");
}
