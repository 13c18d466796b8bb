/**
 * Decodes a file's bytes as text: UTF-16 (little or big endian) when it starts with that
 * byte-order mark, UTF-8 otherwise. A UTF-8 byte-order mark is kept (the engine drops it); bytes
 * that are not valid UTF-8 become U+FFFD, which the engine reports as an encoding problem.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
}
