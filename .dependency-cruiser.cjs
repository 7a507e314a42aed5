/**
 * The dependency rules. The core (src/) knows nothing about chat platforms, and its folders form
 * layers that only import downwards: text < knowledge < intent < search < decision < answer < feedback < triage
 * < cases < reply < app < cli (state and ports stand alone). src/index.ts, the public entry, sits on top.
 */
const LAYERS = ['text', 'knowledge', 'intent', 'search', 'decision', 'answer', 'feedback', 'triage', 'cases', 'reply', 'app', 'cli'];

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer}-imports-only-below`,
  comment: `src/${layer} may import only ${LAYERS.slice(0, i).join(', ') || 'nothing else in src'} (and state).`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(i + 1).join('|')}|index\\.ts)` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere: each module can be understood from the ones below it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'ports-stand-alone',
      comment: 'src/ports holds interfaces every layer may use; it imports nothing of the core.',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { path: '^src/(?!ports/)' },
    },
    {
      name: 'state-stands-alone',
      comment: 'src/state is a leaf the adapters and the app use.',
      severity: 'error',
      from: { path: '^src/state/' },
      to: { path: '^src/(?!state/)' },
    },
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
    // TypeScript 7 (native) has no JS compiler API: swc parses the .ts files, type-only imports included.
    parser: 'swc',
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
