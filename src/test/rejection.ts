// What a call that must fail threw, checked to be of the expected class: tests then read its code
// and message. A call that succeeds fails the test.
import { expect } from 'vitest';

export async function rejectionOf<T extends Error>(call: Promise<unknown>, expected: abstract new (...args: never[]) => T): Promise<T> {
  const outcome = await call.then(
    () => new Error('answered instead of refusing'),
    (caught: unknown) => caught,
  );
  expect(outcome).toBeInstanceOf(expected);
  return outcome as T;
}
