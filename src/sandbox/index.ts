// Public surface of the browser grading runtime (no DOM, nothing from grader/).
export {
  EngineError,
  NO_ENGINE_MESSAGE,
  type Engine,
  type EngineErrorCode,
  type EngineGradeOptions,
} from './engine.ts';
export { createLocalEngine, probeLocalServer, LOCAL_PROBLEM } from './local-engine.ts';
export {
  createWebContainerEngine,
  type Container,
  type ContainerProcess,
  type WorkspaceTree,
} from './webcontainer-engine.ts';
export { createBrowserEngine, type BrowserEngineOptions, type Compile, type Diagnostic } from './browser-engine.ts';
export { selectEngine, type EngineEnvironment, type EngineSelection } from './select.ts';
export { readGradeEvents } from './ndjson.ts';
