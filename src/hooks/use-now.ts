'use client';

import { useEffect, useState } from 'react';

/** The current time, renewed every `intervalMs`: "5 minutes ago" must move on while a list stays open. */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
