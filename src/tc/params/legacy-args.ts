/**
 * The oldest way ThreatConnect passes params (tcex2, argparse): `--name value` pairs, a bare `--flag` for a
 * true Boolean, and a repeated `--name` for each value of a MultiChoice param.
 */
import { isBooleanParam, isListParam, type InstallParamSpec } from './coerce';
import { toBoolean } from './values';

function isFlag(token: string | undefined): boolean {
  return token !== undefined && token.startsWith('--') && token.length > 2;
}

/**
 * Params from argv (without node and the script). Unknown `--x y` pairs are kept (the tc_* params arrive
 * this way too) and an unknown bare `--x` is true. Tokens that follow no flag are ignored, as argparse's
 * `parse_known_args` leaves them aside. Values stay strings; `coerceParams` types them.
 */
export function parseLegacyArgs(
  argv: readonly string[],
  spec: readonly InstallParamSpec[],
): Record<string, unknown> {
  const specs = new Map(spec.map((param) => [param.name, param]));
  const params: Record<string, unknown> = {};
  let index = 0;
  while (index < argv.length) {
    const token = argv[index] ?? '';
    index += 1;
    if (!isFlag(token)) continue;
    const equals = token.indexOf('=');
    const name = equals > 2 ? token.slice(2, equals) : token.slice(2);
    const param = specs.get(name);
    let value: unknown;
    if (equals > 2) {
      value = token.slice(equals + 1);
    } else {
      const next = argv[index];
      // a Boolean flag only takes the next token when it is a boolean word; otherwise it is a bare flag
      const takesNext =
        next !== undefined &&
        !isFlag(next) &&
        (param === undefined || !isBooleanParam(param) || toBoolean(next) !== undefined);
      if (takesNext) {
        value = next;
        index += 1;
      } else {
        // a known non-Boolean param without a value counts as blank, so its default or "required" applies
        value = param !== undefined && !isBooleanParam(param) ? '' : true;
      }
    }
    if (param !== undefined && isListParam(param)) {
      if (value === '') continue;
      const previous = params[name];
      params[name] = Array.isArray(previous) ? [...(previous as unknown[]), value] : [value];
    } else {
      params[name] = value;
    }
  }
  return params;
}
