// Elapsed times for people: `45s`, `3m05s`, `1h02m`.

/** A short human duration for progress lines and deadline messages. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${String(s).padStart(2, '0')}s`;
  if (ms > 0 && ms < 1000) return `${Math.round(ms)}ms`;
  return `${s}s`;
}
