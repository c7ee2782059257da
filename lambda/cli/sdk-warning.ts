/**
 * The AWS SDK warns, on the first client of every run, that its 2027 releases will need Node 22; the project
 * supports Node 20 until then, so local runs (the CLI, `npm start`) leave it out. Call before any client exists.
 */
export function quietSdkNodeVersionWarning(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
