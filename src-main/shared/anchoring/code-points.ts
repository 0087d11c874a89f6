/**
 * UTF-16 surrogate pairs: no offset we store or return may fall between the two halves
 * of one character (an emoji, a math letter), or the text around it would be mangled.
 */
import type { TextRange } from './text-range';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Grows a range by one code unit at either end that would cut a surrogate pair. */
export function widenToCodePoints(text: string, range: TextRange): TextRange {
  return {
    start: splitsPair(text, range.start) ? range.start - 1 : range.start,
    end: splitsPair(text, range.end) ? range.end + 1 : range.end,
  };
}

export function onCodePoints(text: string, range: TextRange): boolean {
  return !splitsPair(text, range.start) && !splitsPair(text, range.end);
}
