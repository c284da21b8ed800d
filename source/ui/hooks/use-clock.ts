import { useEffect, useState } from 'react';

/** Wall clock for ages and timers, ticking every `everyMs` (frames only change when text does). */
export function useClock(everyMs: number, now: () => number = Date.now): number {
  const [t, setT] = useState(now);
  useEffect(() => {
    if (everyMs <= 0) return;
    const id = setInterval(() => setT(now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs, now]);
  return t;
}
