import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import testingLibrary from 'eslint-plugin-testing-library';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

/** Import boundaries: types, lib, config, components, api -> features -> app; pipeline is Node-only. */
const browserOnly = {
  group: ['**/content-pipeline/**', 'node:*', 'fs', 'path', 'gray-matter', 'yaml', 'sharp'],
  message: 'Browser code never imports Node code or the content pipeline.',
};
const featureFolders = ['feed', 'article'];

export default tseslint.config(
  {
    ignores: [
      'dist',
      '.cache',
      'node_modules',
      'content',
      'test/fixtures',
      'test/bench/corpora',
      'coverage',
      'playwright-report',
      'test-results',
      'dev-dist',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/content-pipeline/**'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    extends: [jsxA11y.flatConfigs.strict],
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      'react/no-danger': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Content is text: never render HTML.',
        },
      ],
      'no-restricted-imports': ['error', { patterns: [browserOnly] }],
    },
  },
  // Lower layers never import features or the app.
  {
    files: ['src/{types,lib,config,components,api}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            browserOnly,
            {
              group: ['**/features/**', '**/app/**'],
              message: 'Shared code never imports features or the app.',
            },
          ],
        },
      ],
    },
  },
  // Features never import each other, nor the app.
  ...featureFolders.map((name) => ({
    files: [`src/features/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            browserOnly,
            {
              group: [
                ...featureFolders.filter((f) => f !== name).map((f) => `**/features/${f}/**`),
                '**/app/**',
              ],
              message: 'Features never import each other or the app; combine them in src/app.',
            },
          ],
        },
      ],
    },
  })),
  // Components never see fetch.
  {
    files: ['src/{components,features,app}/**/*.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Components get data through src/api query factories.' },
      ],
    },
  },
  {
    files: ['test/**/*.test.{ts,tsx}'],
    ignores: ['test/e2e/**'],
    ...testingLibrary.configs['flat/react'],
  },
);
