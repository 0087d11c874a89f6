/** The one function of dom-anchor-text-quote (MIT, no types of its own) the anchoring bench runs. */
declare module 'dom-anchor-text-quote' {
  export function toTextPosition(
    root: { textContent: string | null },
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): { start: number; end: number } | null;
}
