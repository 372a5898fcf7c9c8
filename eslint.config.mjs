// One linter for the whole repository. Apps Script globals are allowed only in the imperative
// shell (src/gas/, src/entrypoints.ts) and in the emulator that implements them.

import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'ScriptApp',
  'Session',
  'PropertiesService',
  'LockService',
  'CacheService',
  'HtmlService',
  'Utilities',
  'MailApp',
  'Charts',
  'Logger',
].map((name) => ({
  name,
  message: `${name} is an Apps Script global: use it only in src/gas/ or src/entrypoints.ts, and pass plain values into src/core.`,
}));

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // CommonJS configuration files (Jest's) load Node modules with require.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/gas/**', 'src/entrypoints.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // The bench's naive twin is Apps Script code run by the emulator, not Node code.
    files: ['bench/naive-bundle/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { SpreadsheetApp: 'readonly' } },
    rules: { 'no-restricted-globals': 'off', '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    files: ['src/ui/**/*.js'],
    languageOptions: { globals: { ...globals.browser, google: 'readonly' } },
  },
);
