/** The only links Leadline will hand to a browser: absolute http(s) URLs. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}
