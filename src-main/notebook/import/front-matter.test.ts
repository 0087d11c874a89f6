import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './front-matter';

describe('splitFrontMatter', () => {
  it('cuts the front matter off and reads its title, plain or quoted', () => {
    expect(splitFrontMatter('---\ntags: [a]\ntitle: Field memo  # draft\n---\n# Body\n')).toEqual({ body: '# Body\n', title: 'Field memo' });
    expect(splitFrontMatter('\uFEFF---\r\ntitle: "Say \\"when\\""\r\n...\r\nBody')).toEqual({ body: 'Body', title: 'Say "when"' });
    expect(splitFrontMatter("---\ntitle: 'It''s late'\n---")).toEqual({ body: '', title: "It's late" });
  });

  it('gives no title when the front matter has none, an empty one or a block scalar', () => {
    expect(splitFrontMatter('---\n---\nBody')).toEqual({ body: 'Body' });
    expect(splitFrontMatter('---\ntitle:\nauthor: x\n---\nBody')).toEqual({ body: 'Body' });
    expect(splitFrontMatter('---\ntitle: >\n  folded\n---\nBody')).toEqual({ body: 'Body' });
    expect(splitFrontMatter('---\n  title: nested\n---\nBody')).toEqual({ body: 'Body' });
  });

  it('leaves Markdown alone when it does not open with a closed front matter block', () => {
    expect(splitFrontMatter('Intro\n---\ntitle: x\n---\n')).toEqual({ body: 'Intro\n---\ntitle: x\n---\n' });
    expect(splitFrontMatter('---\ntitle: never closed\n\nBody')).toEqual({ body: '---\ntitle: never closed\n\nBody' });
  });
});
