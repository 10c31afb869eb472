/**
 * The markdown tables of README.md's generated sections, rendered from the code and the manifests: the
 * params (install.json, grouped like layout.json), the outputs (OUTPUT_TABLE), the verdict ladders
 * (LADDERS) and the simulator's magic values (its README). Pure functions; `readme-sections.ts` splices them.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { FIELD_CATALOG, LOOKUP_TYPES } from '../ipqs/fields';
import type { FieldKind, LookupType } from '../ipqs/fields';
import { OUTPUT_TABLE } from '../outputs/output-table';
import type { OutputSpec } from '../outputs/output-table';
import { LADDERS } from '../verdicts/ladders';
import type { Ladder } from '../verdicts/ladders';
import { VERDICT_NAMES, threatRatingOf } from '../verdicts/verdict';

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${text}\``;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const InstallParam = z.object({
  name: z.string(),
  label: z.string().default(''),
  type: z.string(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  required: z.boolean().optional(),
  encrypt: z.boolean().optional(),
  hidden: z.boolean().optional(),
  validValues: z.array(z.string()).optional(),
  note: z.string().default(''),
});

type Param = z.infer<typeof InstallParam>;

const InstallShape = z.object({ params: z.array(InstallParam) });

const LayoutShape = z.object({
  inputs: z.array(
    z.object({
      sequence: z.number(),
      title: z.string(),
      parameters: z.array(z.object({ name: z.string() })),
    }),
  ),
});

function parse<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    `${file}: cannot render the params table (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`,
  );
}

function typeCell(param: Param): string {
  const choices =
    param.type === 'Choice' && param.validValues ? ` (${param.validValues.map(code).join(', ')})` : '';
  const flags = [param.required ? 'required' : '', param.encrypt ? 'encrypted' : ''].filter(Boolean);
  return [`${param.type}${choices}`, ...flags].join(', ');
}

function paramRow(param: Param): string[] {
  const fallback = param.default === undefined ? '' : code(String(param.default));
  return [code(param.name), param.label, typeCell(param), fallback, param.note];
}

const PARAM_HEADER = ['param', 'label', 'type', 'default', 'notes'];

interface ParamGroup {
  readonly title: string;
  readonly intro?: string;
  readonly names: readonly string[];
}

function groupTable(group: ParamGroup, byName: ReadonlyMap<string, Param>): string {
  const rows = group.names.map((name) => {
    const param = byName.get(name);
    if (!param) throw new AppError(`layout.json: ${group.title} names ${name}, which install.json lacks`);
    return paramRow(param);
  });
  const intro = group.intro === undefined ? '' : `${group.intro}\n\n`;
  return `### ${group.title}\n\n${intro}${table(PARAM_HEADER, rows)}`;
}

const HIDDEN_INTRO =
  'Not shown in the playbook editor, so the default applies there; `app_inputs.json` can set them.';

/** The install.json params as one table per layout.json section (by sequence), then the hidden ones. */
export function paramsMarkdown(install: unknown, layout: unknown): string {
  const { params } = parse(InstallShape, install, 'install.json');
  const { inputs } = parse(LayoutShape, layout, 'layout.json');
  const groups: ParamGroup[] = [...inputs]
    .sort((a, b) => a.sequence - b.sequence)
    .map((section) => ({ title: section.title, names: section.parameters.map(({ name }) => name) }));
  const shown = new Set(groups.flatMap((group) => group.names));
  const rest = params.filter((param) => !shown.has(param.name)).map(({ name }) => name);
  if (rest.length > 0) groups.push({ title: 'Hidden', intro: HIDDEN_INTRO, names: rest });
  const byName = new Map(params.map((param) => [param.name, param]));
  return groups.map((group) => groupTable(group, byName)).join('\n\n');
}

const KIND_TEXT: Readonly<Record<FieldKind, string>> = {
  boolean: '`true` / `false`',
  number: 'number',
  string: 'text',
  list: 'JSON list',
  json: 'JSON',
};

const TYPE_TITLES: Readonly<Record<LookupType, string>> = {
  ip: 'IP addresses',
  email: 'Email addresses',
  url: 'URLs and domains',
  phone: 'Phone numbers',
};

function specTable(specs: readonly OutputSpec[]): string {
  return table(
    ['output', 'types', 'meaning'],
    specs.map((spec) => [code(spec.name), spec.types.join(', '), spec.note]),
  );
}

function fieldTable(type: LookupType, specs: readonly OutputSpec[]): string {
  const prefix = `ipqs.${type}.`;
  const kinds = new Map(FIELD_CATALOG[type].map((field) => [field.path, field.kind]));
  const rows = specs.map((spec) => {
    const path = spec.name.startsWith(prefix) ? spec.name.slice(prefix.length) : spec.name;
    const kind = kinds.get(path);
    return [code(path), kind ? KIND_TEXT[kind] : '', spec.note];
  });
  return table(['field', 'value', 'meaning'], rows);
}

/** Every output of the table: the summary and count outputs, one field table per lookup type, and the v1.0 names. */
export function outputsMarkdown(outputs: readonly OutputSpec[] = OUTPUT_TABLE): string {
  const of = (...groups: string[]) => outputs.filter((spec) => groups.includes(spec.group));
  const blocks = [`### Results and counts\n\n${specTable(of('generic', 'count'))}`];
  for (const type of LOOKUP_TYPES) {
    const specs = of(type);
    if (specs.length === 0) continue;
    const intro = `String and StringArray, named ${code(`ipqs.${type}.<field>`)}:`;
    blocks.push(
      `### ${TYPE_TITLES[type]}: ${code(`ipqs.${type}.*`)}\n\n${intro}\n\n${fieldTable(type, specs)}`,
    );
  }
  const compat = of('compat');
  if (compat.length > 0) blocks.push(`### Compatibility with the v1.0 app\n\n${specTable(compat)}`);
  return blocks.join('\n\n');
}

function scoreRange(ladder: Ladder, index: number): string {
  const band = ladder.bands[index];
  if (!band) return '';
  const max = index === 0 ? 100 : (ladder.bands[index - 1]?.min ?? 101) - 1;
  return band.min >= max ? String(band.min) : `${band.min}-${max}`;
}

function ladderCell(ladder: Ladder, verdict: string): string {
  const bands = ladder.bands.flatMap((band, index) =>
    band.verdict === verdict ? [scoreRange(ladder, index)] : [],
  );
  const flags = ladder.flags
    .filter((flag) => flag.verdict === verdict)
    .map((flag) => code(flag.equals ? flag.field : `${flag.field}=false`));
  return [...bands, ...flags].join(' or ');
}

/** The ladders as one table (a column per distinct ladder, a row per verdict, most severe first) and their notes. */
export function verdictsMarkdown(ladders: Readonly<Record<string, Ladder>> = LADDERS): string {
  const columns: { types: string[]; ladder: Ladder }[] = [];
  for (const [type, ladder] of Object.entries(ladders)) {
    const column = columns.find((candidate) => candidate.ladder === ladder);
    if (column) column.types.push(type);
    else columns.push({ types: [type], ladder });
  }
  const verdicts = [...VERDICT_NAMES].sort((a, b) => threatRatingOf(b) - threatRatingOf(a));
  const rows = verdicts.map((verdict) => [
    code(verdict),
    String(threatRatingOf(verdict)),
    ...columns.map(({ ladder }) => ladderCell(ladder, verdict)),
  ]);
  const header = [
    'verdict',
    'threat rating',
    ...columns.map(({ types, ladder }) => `${types.join(', ')} (${ladder.scoreField})`),
  ];
  const notes = columns
    .filter(({ ladder }) => ladder.notes.length > 0)
    .map(
      ({ types, ladder }) =>
        `- ${types.join(', ')}: ${ladder.notes.map((note) => code(note.field)).join(', ')}`,
    );
  const noteBlock =
    notes.length > 0
      ? `\n\nFlags named in \`ipqs.verdict_reasons\` (never changing the verdict) when the verdict is above CLEAN:\n\n${notes.join('\n')}`
      : '';
  return `${table(header, rows)}${noteBlock}`;
}

/** The simulator README's magic-value tables, with the paragraph before the first and after the last. */
export function simulatorMarkdown(simulatorReadme: string): string {
  const lines = simulatorReadme.replace(/\r\n/g, '\n').split('\n');
  const isTable = (line: string | undefined) => line?.trimStart().startsWith('|') ?? false;
  const first = lines.findIndex((line) => isTable(line));
  if (first < 0) throw new AppError('src/simulator/README.md: no magic-value table found');
  let start = first;
  while (start > 0 && lines[start - 1]?.trim() === '') start -= 1;
  while (start > 0 && lines[start - 1]?.trim() !== '') start -= 1;
  let end = lines.length - 1 - [...lines].reverse().findIndex((line) => isTable(line));
  while (end + 1 < lines.length && lines[end + 1]?.trim() === '') end += 1;
  while (end + 1 < lines.length && lines[end + 1]?.trim() !== '') end += 1;
  return lines
    .slice(start, end + 1)
    .join('\n')
    .trim();
}
