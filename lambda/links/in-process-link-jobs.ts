import type { LinkJobs, LinkRequest } from './link-request.js';

export interface InProcessLinkJobs extends LinkJobs {
  /** Resolves once every submitted job has finished (tests, and a clean shutdown). */
  idle(): Promise<void>;
}

/**
 * Link jobs run in this process after the request that submitted them has been answered: the local
 * server's stand-in for the worker Lambda. A job that fails is logged; its reply says so itself.
 */
export function createInProcessLinkJobs(
  run: (request: LinkRequest) => Promise<void>,
  log: (message: string, error: unknown) => void,
): InProcessLinkJobs {
  const running = new Set<Promise<void>>();
  return {
    async submit(request) {
      const job = run(request)
        .catch((error: unknown) => log(`talks: reading ${request.links.length} link(s) failed`, error))
        .finally(() => running.delete(job));
      running.add(job);
    },
    async idle() {
      while (running.size) await Promise.all(running);
    },
  };
}
