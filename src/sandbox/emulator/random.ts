/**
 * Random hex for tokens. Uses the Web Crypto global when the platform has one (browsers, Node >= 19, jsdom);
 * the sandbox only needs tokens that are hard to guess by accident, not by an attacker.
 */
export function randomHex(bytes: number): string {
  const values = new Uint8Array(bytes)
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } })
    .crypto
  if (webCrypto?.getRandomValues) webCrypto.getRandomValues(values)
  else for (let i = 0; i < bytes; i++) values[i] = Math.floor(Math.random() * 256)
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('')
}
