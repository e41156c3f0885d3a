// Lint: TypeScript-aware, and one security rule set that matters here: no HTML parsing of strings anywhere in the
// extension or engine (page text and user files must never become markup). Build DOM with createElement/textContent.
import tseslint from 'typescript-eslint';

const noHtmlStrings = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Do not assign HTML strings; build DOM nodes with textContent.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'insertAdjacentHTML parses strings as HTML; build DOM nodes instead.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'document.write parses strings as HTML.' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'createContextualFragment parses strings as HTML.' },
  { selector: "CallExpression[callee.property.name='setHTMLUnsafe']", message: 'setHTMLUnsafe parses strings as HTML.' },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.output-e2e/**', '.wxt/**', 'node_modules/**', 'test-results/**'] },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.base],
    rules: {
      'no-restricted-syntax': ['error', ...noHtmlStrings],
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Do not read or write innerHTML in product code; use textContent/DOM APIs.' },
        { property: 'outerHTML', message: 'Do not use outerHTML; serialise with XMLSerializer on a document you built.' },
      ],
    },
  },
  {
    // Type-aware checks (floating and misused promises, unsafe any, ...) on every TypeScript file.
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_x` names and `{ drop: _d, ...rest }` say "deliberately unused".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // One job per file, small functions: no file over 400 lines outside scripts and tests, no function over 80 lines
    // in src/ (comments and blank lines count: a long function is long to read).
    files: ['src/**/*.ts', 'entrypoints/**/*.ts', '*.config.ts'],
    rules: {
      'max-lines': ['error', { max: 400 }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    // One front door for the engine: above it, nothing imports the engine's internals or its tables (the Node-side
    // evaluation, scripts and tests may). tests/e2e/bundle.e2e.ts checks the built chunks too.
    files: ['src/**/*.ts', 'entrypoints/**/*.ts'],
    ignores: ['src/engine/**', 'src/eval/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)engine/.', message: 'Import the engine through its front door (src/engine/index.ts), never its internals.' },
          { regex: '(^|/)assets/(reference|lm-|function-words|formulaic-|style-)[^/]*\\.json$', message: 'Engine tables stay inside src/engine/.' },
        ],
      }],
    },
  },
  {
    // Tests build their own fixture DOMs and compare a page's innerHTML before and after; they never ship.
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
);
