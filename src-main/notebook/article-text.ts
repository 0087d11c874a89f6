import { documentOf } from '../shared/article-document';
import type { Article } from '../shared/model';

const cache = new WeakMap<Article, string>();

/** The canonical text of an article (what selectors refer to), computed once per article record. */
export function articleText(article: Article): string {
  let text = cache.get(article);
  if (text === undefined) {
    text = documentOf(article).text;
    cache.set(article, text);
  }
  return text;
}
