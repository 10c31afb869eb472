import { AppError } from '../../src/errors';
import {
  README_SECTIONS,
  normalizeMarkdown,
  readSection,
  readmeDrift,
  sectionMarkers,
  withSections,
} from '../../src/docs/readme-sections';
import type { ReadmeSection } from '../../src/docs/readme-sections';

/** A README holding every section marker pair, each section's body given or empty. */
function readmeWith(bodies: Partial<Record<ReadmeSection, string>> = {}): string {
  const parts = README_SECTIONS.map((section) => {
    const { start, end } = sectionMarkers(section);
    return `## ${section}\n\nHand-written prose.\n\n${start}\n\n${bodies[section] ?? ''}\n\n${end}`;
  });
  return `# Title\n\n${parts.join('\n\n')}\n\n## After\n\nThe end.\n`;
}

const TABLE = '| a | b |\n| --- | --- |\n| `x` | y \\| z |';
const ALL: Record<ReadmeSection, string> = {
  params: TABLE,
  outputs: 'outputs',
  verdicts: 'verdicts',
  simulator: 'simulator',
};

describe('sectionMarkers', () => {
  it('names the section in HTML comments', () => {
    expect(sectionMarkers('params')).toEqual({
      start: '<!-- generated:params:start -->',
      end: '<!-- generated:params:end -->',
    });
  });
});

describe('withSections', () => {
  it('replaces the text between the markers and keeps everything outside them', () => {
    const readme = withSections(readmeWith({ params: 'old' }), { params: 'new table' });
    expect(readSection(readme, 'params')).toBe('new table');
    expect(readme).not.toContain('old');
    expect(readme.startsWith('# Title\n\n## params\n\nHand-written prose.\n\n')).toBe(true);
    expect(readme.endsWith('## After\n\nThe end.\n')).toBe(true);
  });

  it('gives the same text when run twice', () => {
    const once = withSections(readmeWith(), ALL);
    expect(withSections(once, ALL)).toBe(once);
  });

  it('refuses a README that lacks a marker, naming it', () => {
    const readme = readmeWith().replace('<!-- generated:verdicts:end -->', '');
    expect(() => withSections(readme, ALL)).toThrow(
      new AppError('README.md: the verdicts section has no <!-- generated:verdicts:end --> marker'),
    );
    expect(() => readSection('# Title\n', 'params')).toThrow(
      new AppError('README.md: the params section has no <!-- generated:params:start --> marker'),
    );
  });
});

describe('normalizeMarkdown', () => {
  it('evens out the padding and separator widths prettier gives a table', () => {
    const padded = '| a   | b      |\n| --- | ------ |\n| `x` | y \\| z |';
    expect(normalizeMarkdown(padded)).toBe(normalizeMarkdown(TABLE));
  });

  it.each([
    ['a changed cell', '| a | b |\n| --- | --- |\n| `x` | y \\| w |'],
    ['an escaped pipe turned into a column', '| a | b |\n| --- | --- |\n| `x` | y | z |'],
    ['a missing row', '| a | b |\n| --- | --- |'],
  ])('still tells %s apart', (_, changed) => {
    expect(normalizeMarkdown(changed)).not.toBe(normalizeMarkdown(TABLE));
  });
});

describe('readmeDrift', () => {
  it('accepts a README whose sections match, padded or not', () => {
    const padded = { ...ALL, params: '| a   | b      |\n| --- | ------ |\n| `x` | y \\| z |' };
    expect(readmeDrift(readmeWith(padded), ALL)).toBeUndefined();
  });

  it('names the stale sections and says how to fix them', () => {
    const readme = readmeWith({ ...ALL, outputs: 'old outputs', simulator: 'old simulator' });
    expect(readmeDrift(readme, ALL)).toBe(
      'README.md: generated sections outputs, simulator are stale: run `npm run docs`',
    );
  });
});
