/**
 * The local run file in the `tcex run` format (`app_inputs.json`):
 * `{"stage":{"kvstore":{"#App:1:x!String": value}},"inputs":{...},"trigger_inputs":[]}`, with
 * `${env.NAME}` in any string replaced from the environment.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ParamFileError } from '../../errors';
import { isPlaybookVariable } from './variable-syntax';

/** A validated local run file: values to stage in the KV store, and the app's inputs. */
export interface LocalConfig {
  stage: { kvstore: Record<string, unknown> };
  inputs: Record<string, unknown>;
}

const jsonObject = (what: string) =>
  z.record(z.string(), z.unknown(), { error: `${what} must be a JSON object` });

const localConfigSchema = z.object(
  {
    stage: z
      .object(
        {
          kvstore: jsonObject('stage.kvstore')
            .default({})
            .check((ctx) => {
              for (const key of Object.keys(ctx.value)) {
                if (!isPlaybookVariable(key)) {
                  ctx.issues.push({
                    code: 'custom',
                    input: key,
                    message: `stage.kvstore key ${JSON.stringify(key)} is not a playbook variable (#App:<id>:<name>!<Type>)`,
                  });
                }
              }
            }),
        },
        { error: 'stage must be a JSON object' },
      )
      .default({ kvstore: {} }),
    inputs: jsonObject('inputs'),
    trigger_inputs: z.array(z.unknown(), { error: 'trigger_inputs must be a list' }).optional(),
  },
  { error: 'the file must hold a JSON object' },
);

const ENV_REFERENCE = /\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Replaces `${env.NAME}` in every string of the value; names of unset variables go to `missing`. */
function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, missing: Set<string>): unknown {
  if (typeof value === 'string') {
    return value.replace(ENV_REFERENCE, (reference, name: string) => {
      const replacement = env[name];
      if (replacement === undefined) {
        missing.add(name);
        return reference;
      }
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item) => substituteEnv(item, env, missing));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substituteEnv(item, env, missing)]),
    );
  }
  return value;
}

function readJson(filePath: string): unknown {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'not found' : `could not be read (${code ?? 'unknown error'})`;
    throw new ParamFileError(`${filePath}: ${reason}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ParamFileError(`${filePath}: invalid JSON${jsonErrorWhere(text, error)}`);
  }
}

/**
 * Where JSON.parse failed, as ` at line L column C`. V8's own message may quote a slice of the file (which
 * can hold the API key), so only the position is kept.
 */
function jsonErrorWhere(text: string, error: unknown): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line} column ${column}`;
}

/**
 * Reads, substitutes and validates a local run file. Throws ParamFileError naming the file and every
 * problem (bad JSON, wrong shape, unset environment variables); values never appear in the message.
 */
export function loadLocalConfig(filePath: string, env: NodeJS.ProcessEnv): LocalConfig {
  const missing = new Set<string>();
  const substituted = substituteEnv(readJson(filePath), env, missing);
  if (missing.size > 0) {
    const names = [...missing].sort().join(', ');
    throw new ParamFileError(`${filePath}: environment variables not set: ${names} (used as \${env.NAME})`);
  }
  const result = localConfigSchema.safeParse(substituted);
  if (!result.success) {
    throw new ParamFileError(`${filePath}: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  return { stage: { kvstore: result.data.stage.kvstore }, inputs: result.data.inputs };
}
