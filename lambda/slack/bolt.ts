/*
 * Bolt's runtime classes, imported from their own modules. Bolt is CommonJS and its index loads every
 * receiver (Express, Socket Mode, OAuth) whether used or not; importing App and AwsLambdaReceiver alone
 * makes the Lambda bundle ~20% smaller and its cold import ~30% faster (1.29 MB / ~140 ms against
 * 1.62 MB / ~200 ms for `import { App } from '@slack/bolt'`, measured with esbuild 0.28 on Node 20).
 * Pinned Bolt version: these paths are checked by the handler tests on every upgrade.
 */
import AppModule from '@slack/bolt/dist/App.js';
import AwsLambdaReceiverModule from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';

/**
 * The class a CommonJS module exports as `default`. Node hands an ES module the whole `module.exports`
 * (so the class is on `.default`); vitest's interop hands the class itself.
 */
function commonJsDefault<T>(module: { default: T }): T {
  return 'default' in module ? module.default : (module as unknown as T);
}

export const App = commonJsDefault(AppModule);
export type App = InstanceType<typeof App>;
export const AwsLambdaReceiver = commonJsDefault(AwsLambdaReceiverModule);
export type AwsLambdaReceiver = InstanceType<typeof AwsLambdaReceiver>;
