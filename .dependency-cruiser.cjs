/** The one dependency rule: the core (src/) knows nothing about chat platforms. */
module.exports = {
  forbidden: [
    {
      name: 'core-never-imports-adapters',
      comment: 'src/ is platform-neutral: adapters import the core through src/index.ts, never the reverse.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^adapters/' },
    },
    {
      name: 'core-never-imports-platform-sdks',
      comment: 'Slack and Teams SDKs belong to adapters/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: 'node_modules/(@slack/|botbuilder|botframework-|express)' },
    },
    {
      name: 'adapters-use-the-public-core-entry',
      comment: 'Adapters import the core through src/index.ts only.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^src/', pathNot: '^src/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
