// ESLint: the recommended rules for JavaScript and TypeScript, plus the layering of STYLE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly' } },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/io/**'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'exit' }] },
  },
  {
    // api/ never prints, exits, or knows the CLI; format/ does no I/O.
    files: ['src/api/**/*.ts', 'src/format/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['commander', 'ora', '**/cli/*', '**/commands/*'] }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit' },
        { object: 'process', property: 'stdout' },
        { object: 'process', property: 'stderr' },
      ],
      'no-console': 'error',
    },
  },
);
