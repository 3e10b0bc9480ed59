// One lint setup for every workspace: ESLint's and typescript-eslint's recommended rules
// everywhere, React's hook rules for the Studio's components, Next's own rules for the site.
// Formatting is Prettier's (.prettierrc.json), so no stylistic rules here.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypeScript from 'eslint-config-next/typescript'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig([
  globalIgnores([
    '**/node_modules/**',
    '**/dist/**',
    '**/.next/**',
    '**/.sanity/**',
    '**/test-results/**',
    '**/playwright-report/**',
    'tmp/**',
    'apps/web/next-env.d.ts',
    'packages/content/src/sanity.types.ts',
  ]),
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      // A variable a closure reads before its one assignment stays a let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['apps/web/**/*.{js,mjs,ts,tsx}'],
    extends: [nextVitals, nextTypeScript],
    settings: { next: { rootDir: 'apps/web' } },
    rules: {
      // Internal links are plain anchors on purpose: pages are static HTML, and a full page load
      // costs less JavaScript than the client router's prefetching.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    files: ['studio/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/e2e/**', '**/*.test.{ts,tsx,mjs}', '**/test-support/**', '**/test/**'],
    languageOptions: { globals: { ...globals.browser } },
    // A test that asserts an element exists may then use it.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
])
