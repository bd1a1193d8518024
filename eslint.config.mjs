// `npm run lint` (office-addin-lint check): Office add-in rules, React, TypeScript and Prettier.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';
import globals from 'globals';

// The TypeScript plugin instance the office-addins config registers (another instance cannot be added).
const tsPlugin = officeAddins.configs.recommended.find((c) => c.plugins?.['@typescript-eslint']).plugins['@typescript-eslint'];

export default [
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', '.tmp/**', 'test-artifacts/**', 'coverage/**'] },
  ...officeAddins.configs.react,
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    plugins: { 'office-addins': officeAddins, '@typescript-eslint': tsPlugin },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
        Office: 'readonly',
        Excel: 'readonly',
        OfficeExtension: 'readonly',
      },
    },
    rules: {
      // TypeScript checks names, types and unused code itself (tsc --noEmit, strict).
      'no-undef': 'off',
      'no-redeclare': 'off',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
      // Japanese text has ideographic spaces in comments and strings on purpose.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true }],
      // The strict Excel simulator enforces load → sync → read at test time, exactly; these heuristics
      // misread callbacks (Excel.run bodies, ExcelJS code) and are left to it.
      'office-addins/call-sync-after-load': 'off',
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
      // What the heuristics cannot misread, and what matters most: no round trip per row.
      'office-addins/no-context-sync-in-loop': 'error',
    },
  },
];
