/**
 * A module resolution hook for scripts/measure-wink.ts: the facts modules' `./sentences.js` resolves to
 * `data.target` (scripts/sentences-variant.ts), resolved on by the next hooks (tsx's), so the extractor runs unchanged on another sentence splitter.
 * Registered with `module.register(url, { data: { target } })`.
 */
let target;

export function initialize(data) {
  target = data.target;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === './sentences.js' && context.parentURL?.includes('/lambda/facts/')) {
    return nextResolve(target, context);
  }
  return nextResolve(specifier, context);
}
