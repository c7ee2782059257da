/** Thrown when Lambda does not accept the job: the user is told, nothing was read. */
export class LinkJobError extends Error {
  override name = 'LinkJobError';
}

/**
 * Link jobs as asynchronous invocations of the worker function (InvocationType `Event`): Lambda queues the
 * request and answers 202 at once, retries a failed job twice, and the Slack function is done within Slack's
 * 3 seconds. The Lambda client is loaded on the first `add` only: it is not on the path of any other command,
 * so it does not weigh on the Slack function's cold start. A job is any JSON object: its shape is the link
 * feature's (lambda/links/link-request.ts), and the worker parses it there.
 */
export function createLambdaLinkJobs(functionName: string): { submit(job: object): Promise<void> } {
  let client: Promise<import('@aws-sdk/client-lambda').LambdaClient> | undefined;
  return {
    async submit(job) {
      const sdk = await import('@aws-sdk/client-lambda');
      client ??= Promise.resolve(new sdk.LambdaClient({}));
      const { StatusCode } = await (await client).send(
        new sdk.InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify(job)),
        }),
      );
      if (StatusCode !== 202) throw new LinkJobError(`the link worker did not take the job (status ${StatusCode})`);
    },
  };
}
