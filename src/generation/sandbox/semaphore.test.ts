import { describe, expect, it } from 'vitest';
import { createSemaphore } from './semaphore';

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('createSemaphore', () => {
  it('runs at most `limit` tasks at once and all of them eventually', async () => {
    const slots = createSemaphore(2);
    let running = 0;
    let peak = 0;
    const task = async (value: number) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      return value;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => slots.run(() => task(n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('frees the slot when a task throws', async () => {
    const slots = createSemaphore(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('stops waiting when aborted and never runs that task', async () => {
    const slots = createSemaphore(1);
    let release!: () => void;
    const holder = slots.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    let ran = false;
    const waiter = slots.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiter).rejects.toThrow('cancelled');
    release();
    await holder;
    await expect(slots.run(() => Promise.resolve('free'))).resolves.toBe('free');
    expect(ran).toBe(false);
  });
});
