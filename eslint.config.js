// Lint: TypeScript's recommended rules, plus the architecture rule that keeps the
// house in order: a module is used only through its index.ts, and only downwards
// (people ← listening ← triage ← routing ← respond; the rest sit on top).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { moduleBoundaryRule } from './eslint/module-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', '.herd/', '.cache/', 'src/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { herd: { rules: { 'module-boundaries': moduleBoundaryRule } } },
    rules: {
      'herd/module-boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
