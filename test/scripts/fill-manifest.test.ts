import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DIGEST_SCOPE,
  digestInOutputs,
  FillManifestError,
  fillManifest,
  requestUrlFromOutputs,
  withDigestScope,
} from '../../scripts/fill-manifest.js';

const URL = 'https://abc123.lambda-url.eu-west-1.on.aws/';

/** A manifest shaped like Slack's, written for this test: one command, interactivity, an OAuth redirect. */
const YAML_MANIFEST = `display_information:
  name: talks
features:
  slash_commands:
    - command: /talks
      url: https://example.invalid/slack/events # replaced by scripts/fill-manifest.ts
      description: Facts from the peace-talk articles
oauth_config:
  redirect_urls:
    - https://example.invalid/oauth
settings:
  interactivity:
    is_enabled: true
    request_url: "https://example.invalid/slack/events"
`;

describe('requestUrlFromOutputs', () => {
  const outputs = (stacks: Record<string, Record<string, string>>) => JSON.stringify(stacks);

  it('reads the request URL of the only stack that has one', () => {
    expect(requestUrlFromOutputs(outputs({ 'TalksBot-prod': { SlackRequestUrl: URL, TableName: 't' } }))).toBe(URL);
  });

  it('asks for --stack when several stages are deployed, and picks the named one', () => {
    const both = outputs({
      'TalksBot-prod': { SlackRequestUrl: URL },
      'TalksBot-dev': { SlackRequestUrl: `${URL}dev` },
    });
    expect(() => requestUrlFromOutputs(both)).toThrow(/TalksBot-prod, TalksBot-dev.*--stack/);
    expect(requestUrlFromOutputs(both, 'TalksBot-dev')).toBe(`${URL}dev`);
  });

  it('says to deploy first when no stack has the output', () => {
    expect(() => requestUrlFromOutputs(outputs({ Other: { X: 'y' } }))).toThrow(/found: none.*npm run deploy/);
  });

  it('refuses a URL that is not https', () => {
    expect(() => requestUrlFromOutputs(outputs({ S: { SlackRequestUrl: 'http://insecure.example' } }))).toThrow(
      FillManifestError,
    );
  });
});

describe('fillManifest', () => {
  it('fills the slash command url and interactivity request_url of a YAML manifest, keeping comments', () => {
    const filled = fillManifest(YAML_MANIFEST, 'yaml', URL);
    expect(filled).toContain(`      url: ${URL} # replaced by scripts/fill-manifest.ts\n`);
    expect(filled).toContain(`    request_url: ${URL}\n`);
    expect(filled).toContain('    - https://example.invalid/oauth\n');
    expect(filled.split('\n')).toHaveLength(YAML_MANIFEST.split('\n').length);
  });

  it('fills the request URLs of a JSON manifest and leaves redirect URLs alone', () => {
    const manifest = JSON.stringify({
      features: { slash_commands: [{ command: '/talks', url: 'https://example.invalid/a' }] },
      oauth_config: { redirect_urls: ['https://example.invalid/oauth'] },
      settings: { event_subscriptions: { request_url: 'https://example.invalid/b' } },
    });
    const filled = JSON.parse(fillManifest(manifest, 'json', URL));
    expect(filled.features.slash_commands[0].url).toBe(URL);
    expect(filled.settings.event_subscriptions.request_url).toBe(URL);
    expect(filled.oauth_config.redirect_urls).toEqual(['https://example.invalid/oauth']);
  });

  it('fails on a manifest with nothing to fill, rather than writing an unchanged copy', () => {
    expect(() => fillManifest('display_information:\n  name: talks\n', 'yaml', URL)).toThrow(/no url or request_url/);
  });

  it("fills the project's own Slack manifest: the /talks command posts to the stack's URL", () => {
    const manifestPath = path.resolve(import.meta.dirname, '../../slack/manifest.json');
    const filled = JSON.parse(fillManifest(readFileSync(manifestPath, 'utf8'), 'json', URL));
    const talks = filled.features.slash_commands.find((command: { command: string }) => command.command === '/talks');
    expect(talks.url).toBe(URL);
  });
});

describe('the digest scope', () => {
  const manifest = readFileSync(path.resolve(import.meta.dirname, '../../slack/manifest.json'), 'utf8');

  it('is not asked for by the manifest: the digest is off by default', () => {
    expect(JSON.parse(manifest).oauth_config.scopes.bot).toEqual(['commands']);
  });

  it('is added to the filled manifest only when the stack has a digest channel', () => {
    const withDigest = JSON.stringify({ 'TalksBot-prod': { SlackRequestUrl: URL, DigestChannel: 'C0123' } });
    const without = JSON.stringify({ 'TalksBot-prod': { SlackRequestUrl: URL } });
    expect(digestInOutputs(withDigest)).toBe(true);
    expect(digestInOutputs(without)).toBe(false);
    const filled = withDigestScope(withDigestScope(fillManifest(manifest, 'json', URL)));
    expect(JSON.parse(filled).oauth_config.scopes.bot).toEqual(['commands', DIGEST_SCOPE]);
  });
});
