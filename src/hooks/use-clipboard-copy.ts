'use client';

import { useEffect, useState } from 'react';

const COPIED_SHOWN_MS = 1500;

/** Copies text to the clipboard and says "copied" for a moment, for every copy button alike. */
export function useClipboardCopy() {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = (text: string) => navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false));
  return { copied, copy };
}
