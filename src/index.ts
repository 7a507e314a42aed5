// The core's one public entry: adapters import from here only (enforced by dependency-cruiser).
export * from './cli/kb.js';
export { type KnowledgeBase, loadKnowledgeBase } from './knowledge/kb.js';
export * from './knowledge/types.js';
