// Lint rules that keep the architecture honest: the core (src/) never touches
// Electron, React or the DOM; the renderer reaches the core only through the
// pure contract files.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const coreForbiddenImports = {
  paths: [
    { name: 'electron', message: 'The core (src/) must not import Electron; the shell in electron/ owns OS things.' },
    { name: 'react', message: 'The core (src/) must not import React; UI lives in renderer/.' },
    { name: 'react-dom', message: 'The core (src/) must not import React DOM; UI lives in renderer/.' },
  ],
  patterns: [
    { group: ['react/*', 'react-dom/*', 'ag-grid-*', 'recharts'], message: 'The core (src/) must not import UI libraries.' },
  ],
};

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement'].map(
  (name) => ({ name, message: 'The core (src/) runs in Node: no DOM globals.' }),
);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreForbiddenImports],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the core only through the api client.' },
            { name: 'better-sqlite3', message: 'The renderer never touches the database.' },
          ],
          patterns: [
            {
              // Up out of renderer/ into the core: only the pure contract files may be imported.
              regex: '^(\\.\\./)+src/(?!(contract|events)\\.js$|[a-z-]+/([a-z-]+-)?contract\\.js$|shared/)',
              message: 'The renderer may import only contract files (src/contract.ts, src/events.ts, src/*/contract.ts, src/*/*-contract.ts, src/shared/*).',
            },
            { regex: '^node:', message: 'The renderer runs in a browser sandbox: no Node modules.' },
          ],
        },
      ],
    },
  },
);
