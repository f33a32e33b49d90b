/** Dependency rules: dependencies point inward (adapters/bot/api/tab → app → domain). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain may import only src/domain: no SDKs, no node I/O, no other layer.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'app-only-uses-domain',
      comment:
        'Use cases and ports depend on the domain and the input/output contracts only (no SDKs, no adapters, no node I/O).',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { pathNot: '^src/(app|domain|contracts)/' },
    },
    {
      name: 'only-main-picks-adapters',
      comment: 'Nothing but the composition root (src/main.ts) imports an adapter.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/main\\.ts$', '^src/adapters/'] },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'adapters-do-not-import-each-other',
      comment: 'Each adapter stands alone; shared plumbing belongs in app/ or a neutral module.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/$1/' },
    },
    {
      name: 'tab-only-over-http',
      comment: 'The tab reaches data only over HTTP; it may share domain types and i18n but no server code.',
      severity: 'error',
      from: { path: '^src/tab/' },
      to: { path: '^src/(app|adapters|bot|api|cards|config|main)' },
    },
    {
      name: 'contracts-are-types-over-the-domain',
      comment: 'src/contracts (shared by the server API and the tab) may import only the domain.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { pathNot: '^src/(contracts|domain)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
