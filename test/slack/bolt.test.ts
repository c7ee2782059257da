import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { App, AwsLambdaReceiver } from '../../lambda/slack/bolt.js';

describe('bolt', () => {
  it('exposes the classes from their own modules under vitest', () => {
    expect(new AwsLambdaReceiver({ signingSecret: 's' }).toHandler()).toBeTypeOf('function');
    expect(App.name).toBe('App');
  });

  it("exposes the same classes under plain Node, whose CommonJS interop differs from vitest's", async () => {
    const script =
      "const m = await import('./lambda/slack/bolt.ts'); console.log(m.App.name, m.AwsLambdaReceiver.name);";
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
    ]);
    expect(stdout.trim()).toBe('App AwsLambdaReceiver');
  });
});
