/**
 * The generated sections of README.md: each sits between `<!-- generated:<name>:start -->` and
 * `<!-- generated:<name>:end -->`. `npm run docs` rewrites them, and a test fails when README.md drifts
 * from what the code renders (compared with table padding evened out, since prettier re-pads tables).
 */
import { AppError } from '../errors';
import { outputsMarkdown, paramsMarkdown, simulatorMarkdown, verdictsMarkdown } from './readme-tables';

/** The generated sections, in README order. */
export const README_SECTIONS = ['params', 'outputs', 'verdicts', 'simulator'] as const;

export type ReadmeSection = (typeof README_SECTIONS)[number];

/** The block README.md must open with, right under its title: what a new user runs on a fresh machine. */
export const README_COMMANDS = [
  '```sh',
  'npm ci && npm start   # a full local run: embedded in-memory KV store and the local IPQS simulator, no key, no network',
  'npm test              # the whole test suite (starts its own redis-server; needs redis-server on PATH)',
  '```',
].join('\n');

const FIX = 'run `npm run docs`';

/** Where the generated sections come from, read from disk by the caller. */
export interface ReadmeSources {
  readonly install: unknown;
  readonly layout: unknown;
  readonly simulatorReadme: string;
}

/** Every generated section as the code renders it. */
export function renderSections(sources: ReadmeSources): Record<ReadmeSection, string> {
  return {
    params: paramsMarkdown(sources.install, sources.layout),
    outputs: outputsMarkdown(),
    verdicts: verdictsMarkdown(),
    simulator: simulatorMarkdown(sources.simulatorReadme),
  };
}

/** The start and end markers of a section. */
export function sectionMarkers(section: ReadmeSection): { start: string; end: string } {
  return { start: `<!-- generated:${section}:start -->`, end: `<!-- generated:${section}:end -->` };
}

function bounds(readme: string, section: ReadmeSection): { from: number; to: number } {
  const { start, end } = sectionMarkers(section);
  const at = readme.indexOf(start);
  const to = at < 0 ? -1 : readme.indexOf(end, at);
  if (at < 0 || to < 0)
    throw new AppError(`README.md: the ${section} section has no ${at < 0 ? start : end} marker`);
  return { from: at + start.length, to };
}

/** The text between a section's markers, trimmed. */
export function readSection(readme: string, section: ReadmeSection): string {
  const { from, to } = bounds(readme, section);
  return readme.slice(from, to).trim();
}

/** The README with each given section's text replaced; everything outside the markers is kept. */
export function withSections(readme: string, sections: Partial<Record<ReadmeSection, string>>): string {
  let text = readme;
  for (const section of README_SECTIONS) {
    const body = sections[section];
    if (body === undefined) continue;
    const { from, to } = bounds(text, section);
    text = `${text.slice(0, from)}\n\n${body.trim()}\n\n${text.slice(to)}`;
  }
  return text;
}

/** Markdown with table padding and separator widths (what prettier changes) evened out, for comparison. */
export function normalizeMarkdown(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      if (!trimmed.startsWith('|')) return line.trimEnd();
      const cells = trimmed
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((part) => part.trim());
      return cells.map((part) => (/^:?-+:?$/.test(part) ? '---' : part)).join('|');
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The one-line problem when README.md's generated sections differ from the code's, else undefined. */
export function readmeDrift(
  readme: string,
  sections: Readonly<Record<ReadmeSection, string>>,
): string | undefined {
  const stale = README_SECTIONS.filter(
    (section) => normalizeMarkdown(readSection(readme, section)) !== normalizeMarkdown(sections[section]),
  );
  return stale.length > 0 ? `README.md: generated sections ${stale.join(', ')} are stale: ${FIX}` : undefined;
}
