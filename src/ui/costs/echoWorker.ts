// Sends every message straight back: transferred if it came transferred,
// cloned if it came cloned, so the page can time both ways of passing data.

self.onmessage = (e: MessageEvent<{ buffer: ArrayBuffer; transfer: boolean }>) => {
  const { buffer, transfer } = e.data;
  (self as unknown as Worker).postMessage({ buffer, transfer }, transfer ? [buffer] : []);
};
