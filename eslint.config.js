import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  // The site is served from the root of its origin, and many links are to publishers' sites or /data/ files.
  { rules: { 'svelte/no-navigation-without-resolve': 'off' } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
  { ignores: ['build/', '.svelte-kit/', 'node_modules/', 'static/data/', 'data/', '.scratch/', 'data.tmp-*/', 'tests/fixtures/**/*.js', 'build-*/', '.svelte-kit-*/'] },
);
