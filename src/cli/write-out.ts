/**
 * Writes to a stream and resolves once the text is handed to the OS. A
 * process that exits right after a plain write loses what a pipe has not yet
 * taken (JSON cut at 64 KiB with exit code 0).
 */
export function writeOut(stream: NodeJS.WriteStream, text: string): Promise<void> {
  if (!text) return Promise.resolve();
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
}
