/**
 * The package's name and version folder, read from install.json the way `tcex package` names them:
 * `<prefix><displayName with spaces as _>` and `v<major of programVersion>` (contract §1.3, §8.3).
 */
import { z } from 'zod';
import { PackageError } from './package-error';

/** The file ThreatConnect starts, and the language that makes it start it (design §8). */
export const PROGRAM_MAIN = 'run.py';
export const PROGRAM_LANGUAGE = 'PYTHON';

// tcex-app-config install_json.py `app_prefixes`, keyed by lower-case runtimeLevel
const APP_PREFIXES: Readonly<Record<string, string>> = {
  organization: 'TC_-_',
  playbook: 'TCPB_-_',
  apiservice: 'TCVA_-_',
  feedapiservice: 'TCVF_-_',
  triggerservice: 'TCVC_-_',
  webhooktriggerservice: 'TCVW_-_',
};

const InstallIdentity = z.object({
  displayName: z.string().trim().min(1),
  programVersion: z.string().regex(/^\d+(\.\d+)*([-+].*)?$/, 'must be a version such as 1.0.0'),
  runtimeLevel: z.string(),
  programLanguage: z.string(),
  programMain: z.string(),
});

/** What the package is called: the app name, its version folder and the .tcx file name. */
export interface AppIdentity {
  /** e.g. `TCPB_-_IPQS_Fraud_and_Risk_Scoring`. */
  readonly appName: string;
  /** e.g. `v1`. */
  readonly appVersion: string;
  /** The single top-level folder of the zip, `<appName>_<appVersion>` (ThreatConnect's upgrade key). */
  readonly folder: string;
  /** `<folder>.tcx`. */
  readonly fileName: string;
}

function field(name: string, reason: string): PackageError {
  return new PackageError(`install.json ${name}: ${reason}`);
}

/** Reads the package identity from parsed install.json; a field the package cannot use throws PackageError. */
export function appIdentity(install: unknown): AppIdentity {
  const parsed = InstallIdentity.safeParse(install);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw field(issue?.path.join('.') || '(root)', issue?.message ?? 'invalid');
  }
  const { displayName, programVersion, runtimeLevel, programLanguage, programMain } = parsed.data;
  if (programLanguage !== PROGRAM_LANGUAGE) {
    throw field(
      'programLanguage',
      `must be ${PROGRAM_LANGUAGE} for the run.py launcher (got ${programLanguage})`,
    );
  }
  if (programMain !== PROGRAM_MAIN) {
    throw field('programMain', `must be ${PROGRAM_MAIN} (got ${programMain})`);
  }
  const prefix = APP_PREFIXES[runtimeLevel.toLowerCase()];
  if (prefix === undefined) throw field('runtimeLevel', `has no package name prefix (got ${runtimeLevel})`);
  // spaces become underscores, and anything a folder name should not hold is dropped
  const name = displayName.replace(/\s+/g, '_').replace(/[^A-Za-z0-9_.-]/g, '');
  const appName = `${prefix}${name}`;
  const appVersion = `v${Number.parseInt(programVersion, 10)}`;
  const folder = `${appName}_${appVersion}`;
  return { appName, appVersion, folder, fileName: `${folder}.tcx` };
}
