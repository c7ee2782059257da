import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ADD_TO_TALKS_CALLBACK } from '../../lambda/slack/add-links-listeners.js';
import { fillManifest } from '../../scripts/fill-manifest.js';

const manifestText = readFileSync(new URL('../../slack/manifest.json', import.meta.url), 'utf8');

/** The parts of Slack's app manifest schema the bot depends on. */
const ManifestSchema = z.object({
  display_information: z.object({ name: z.string().min(1).max(35), description: z.string().max(140) }),
  features: z.object({
    bot_user: z.object({ display_name: z.string().min(1) }),
    slash_commands: z.array(
      z.object({
        command: z.string().regex(/^\//),
        url: z.url(),
        description: z.string().min(1).max(2000),
        usage_hint: z.string().max(1000),
        should_escape: z.boolean(),
      }),
    ),
    shortcuts: z.array(
      z.object({
        name: z.string().min(1).max(25),
        type: z.enum(['message', 'global']),
        callback_id: z.string().min(1).max(255),
        description: z.string().min(1).max(80),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    socket_mode_enabled: z.literal(false),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.url() }),
  }),
});

describe('slack/manifest.json', () => {
  const manifest = ManifestSchema.parse(JSON.parse(manifestText));

  it('declares /talks over HTTP with the only scope it needs', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/talks']);
    // Answers travel in the HTTP response, follow-ups to response URLs, and views.open needs no scope: no chat:write.
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands']);
  });

  it('sends interactivity (flags, the shortcut) to the same request URL, with the shortcut the app listens for', () => {
    expect(manifest.settings.interactivity.request_url).toBe(manifest.features.slash_commands[0]?.url);
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ name: 'Add to talks', type: 'message', callback_id: ADD_TO_TALKS_CALLBACK }),
    ]);
  });

  it('passes names to the bot as typed (no mention escaping)', () => {
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(false);
  });

  it('has a request URL placeholder that fill-manifest replaces with the deployed one', () => {
    const url = 'https://abc123.lambda-url.eu-west-1.on.aws/';
    const filled = ManifestSchema.parse(JSON.parse(fillManifest(manifestText, 'json', url)));
    expect(filled.features.slash_commands[0]?.url).toBe(url);
    expect(filled.settings.interactivity.request_url).toBe(url);
    expect(manifest.features.slash_commands[0]?.url).toMatch(/YOUR-REQUEST-URL/);
  });
});
