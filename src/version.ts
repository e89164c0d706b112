// The version printed by --version; esbuild writes it in at build time.
declare const __QCASE_VERSION__: string | undefined;
/** `0.0.0-dev` when running from source. */
export const VERSION = typeof __QCASE_VERSION__ === 'string' ? __QCASE_VERSION__ : '0.0.0-dev';
