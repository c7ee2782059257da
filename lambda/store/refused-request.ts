/**
 * Whether DynamoDB refused a request for what it holds (a key over 2,048 bytes, an item over 400 KB):
 * a `ValidationException`, thrown by the SDK or the cause of a `StoreWriteError`. Sending the same items
 * again fails the same way, unlike throttling or a network failure, so the caller should set aside the
 * input that made them rather than retry.
 */
export function isRefusedByStore(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e.name === 'ValidationException') return true;
  return false;
}
