import { appIdentity } from '../../src/package/app-identity';
import { PackageError } from '../../src/package/package-error';
import install from '../../install.json';

const base = {
  displayName: 'IPQS Fraud and Risk Scoring',
  programVersion: '1.0.0',
  runtimeLevel: 'Playbook',
  programLanguage: 'PYTHON',
  programMain: 'run.py',
};

describe('appIdentity', () => {
  it("names this app's package the way tcex does", () => {
    expect(appIdentity(install)).toEqual({
      appName: 'TCPB_-_IPQS_Fraud_and_Risk_Scoring',
      appVersion: 'v1',
      folder: 'TCPB_-_IPQS_Fraud_and_Risk_Scoring_v1',
      fileName: 'TCPB_-_IPQS_Fraud_and_Risk_Scoring_v1.tcx',
    });
  });

  it.each([
    ['Playbook', 'TCPB_-_'],
    ['playbook', 'TCPB_-_'],
    ['Organization', 'TC_-_'],
    ['ApiService', 'TCVA_-_'],
    ['FeedApiService', 'TCVF_-_'],
    ['TriggerService', 'TCVC_-_'],
    ['WebhookTriggerService', 'TCVW_-_'],
  ])('prefixes a %s app with %s', (runtimeLevel, prefix) => {
    expect(appIdentity({ ...base, runtimeLevel }).appName).toBe(`${prefix}IPQS_Fraud_and_Risk_Scoring`);
  });

  it.each([
    ['2.10.3', 'v2'],
    ['12.0.0-beta.1', 'v12'],
    ['3', 'v3'],
  ])('takes the major of programVersion %s as the version folder %s', (programVersion, appVersion) => {
    expect(appIdentity({ ...base, programVersion }).appVersion).toBe(appVersion);
  });

  it('turns runs of spaces into one underscore and drops characters a folder name should not hold', () => {
    expect(appIdentity({ ...base, displayName: '  IPQS  Risk / Scoring (beta) ' }).appName).toBe(
      'TCPB_-_IPQS_Risk__Scoring_beta',
    );
  });

  it.each([
    [
      { programLanguage: 'NODE' },
      'install.json programLanguage: must be PYTHON for the run.py launcher (got NODE)',
    ],
    [{ programMain: 'dist/main.js' }, 'install.json programMain: must be run.py (got dist/main.js)'],
    [{ runtimeLevel: 'System' }, 'install.json runtimeLevel: has no package name prefix (got System)'],
    [{ programVersion: 'one' }, 'install.json programVersion: must be a version such as 1.0.0'],
    [{ displayName: ' ' }, 'install.json displayName: Too small: expected string to have >=1 characters'],
  ])('refuses %j with a one-line PackageError', (change, message) => {
    expect(() => appIdentity({ ...base, ...change })).toThrow(new PackageError(message));
  });

  it('names the missing field of an install.json without one', () => {
    const { programMain: _dropped, ...rest } = base;
    expect(() => appIdentity(rest)).toThrow(/^install\.json programMain: /);
  });
});
