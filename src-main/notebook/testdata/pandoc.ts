/**
 * Test helper: pandoc's own `markdown` reader (pandoc's extended Markdown: smart
 * quotes, superscript, citations, fancy lists…), run on an export. Pandoc is
 * installed by .ci/run; where it is missing, the tests that need it say so and skip.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasPandoc = ((): boolean => {
  try {
    execFileSync('pandoc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The HTML pandoc makes of `markdown` read as pandoc's `markdown`. */
export function pandocHtml(markdown: string): string {
  return execFileSync('pandoc', ['-f', 'markdown', '-t', 'html', '--wrap=none'], { input: markdown, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

let template: string | undefined;

/**
 * The front matter as pandoc reads it, as HTML: the title in <h1>, the date, each tag
 * and each source field in a <p> with its name as class.
 */
export function pandocMetadataHtml(markdown: string): string {
  if (!template) {
    template = join(mkdtempSync(join(tmpdir(), 'leadline-pandoc-')), 'metadata.html');
    const fields = ['url', 'outlet', 'byline', 'date'].map((f) => `$if(source.${f})$<p class="source-${f}">$source.${f}$</p>$endif$`).join('\n');
    writeFileSync(template, `<h1>$title$</h1>\n<p class="date">$date$</p>\n$for(tags)$<p class="tag">$tags$</p>\n$endfor$${fields}\n`);
  }
  return execFileSync('pandoc', ['-f', 'markdown', '-t', 'html', '--wrap=none', '--standalone', `--template=${template}`], { input: markdown, encoding: 'utf8' });
}
