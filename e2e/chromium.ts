// The system Chromium and the flags it runs with here, for the e2e suite and the bench alike.
// Browsers are never downloaded on this machine; these flags keep a headless run quiet and offline.
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
