// Save text or bytes as a file the browser downloads: the platform's Blob
// and an object URL, no library needed.

export function download(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Save bytes (an image, an animation) as a file the browser downloads. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A value as the text of a JSON file, indented, with no raw control
 * character in it: JSON escapes C0 itself; DEL and the C1 controls (U+009B
 * would act as a terminal's CSI when the file is printed) are escaped too.
 * They can only stand inside strings, where an escape means the same.
 */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
