/** Types for html-encoding-sniffer 7 (it ships none): the WHATWG encoding sniffing of an HTML or XML byte stream. */
declare module 'html-encoding-sniffer' {
  export interface SniffOptions {
    xml?: boolean;
    transportLayerEncodingLabel?: string;
    defaultEncoding?: string;
    maxPrescanBytes?: number;
  }
  /** The encoding's name (e.g. "UTF-8", "windows-1252"): BOM, then the page's own declaration, else `defaultEncoding`. */
  export default function sniffHTMLEncoding(bytes: Uint8Array, options?: SniffOptions): string;
}
