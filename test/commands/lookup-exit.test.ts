import { lookupExitCode, parseVerdictName } from '../../src/commands/lookup-exit';
import type { LookupRow } from '../../src/commands/lookup-row';
import { ExitCode } from '../../src/tc/exit';
import type { VerdictName } from '../../src/verdicts';

function row(verdict: VerdictName | null): LookupRow {
  return {
    indicator: '198.51.100.1',
    type: 'ip',
    verdict,
    score: verdict === null ? null : 50,
    threat_rating: null,
    reasons: [],
    error: verdict === null ? '198.51.100.1: lookup failed' : null,
    cached: false,
    ipqs: null,
  };
}

describe('parseVerdictName', () => {
  it.each([
    ['high risk', 'HIGH RISK'],
    ['HIGH_RISK', 'HIGH RISK'],
    ['High-Risk', 'HIGH RISK'],
    ['  moderate   risk ', 'MODERATE RISK'],
    ['high', 'HIGH RISK'],
    ['low', 'LOW RISK'],
    ['critical', 'CRITICAL'],
    ['Suspicious', 'SUSPICIOUS'],
    ['clean', 'CLEAN'],
    ['invalid', 'INVALID'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseVerdictName(text)).toBe(expected);
  });

  it.each(['', 'severe', 'risk', 'high risky'])('rejects %j', (text) => {
    expect(parseVerdictName(text)).toBeUndefined();
  });
});

describe('lookupExitCode', () => {
  it.each<[string, (VerdictName | null)[], ExitCode, VerdictName | undefined, number]>([
    ['every lookup succeeded, no --fail-on', ['HIGH RISK', 'CRITICAL'], ExitCode.Success, undefined, 0],
    ['every result below the threshold', ['CLEAN', 'MODERATE RISK'], ExitCode.Success, 'HIGH RISK', 0],
    ['a result exactly at the threshold', ['CLEAN', 'HIGH RISK'], ExitCode.Success, 'HIGH RISK', 2],
    ['a result above the threshold', ['CRITICAL'], ExitCode.Success, 'HIGH RISK', 2],
    ['INVALID at the SUSPICIOUS threshold (same rating)', ['INVALID'], ExitCode.Success, 'SUSPICIOUS', 2],
    ['SUSPICIOUS below LOW RISK', ['SUSPICIOUS'], ExitCode.Success, 'LOW RISK', 0],
    ['a failed indicator', ['CLEAN', null], ExitCode.Failure, undefined, 1],
    ['a failed indicator and no finding', ['CLEAN', null], ExitCode.Failure, 'HIGH RISK', 1],
    [
      'a failed indicator and a finding (the finding wins)',
      ['CRITICAL', null],
      ExitCode.Failure,
      'HIGH RISK',
      2,
    ],
    ['the pipeline failed with every row enriched', ['CLEAN'], ExitCode.Failure, 'HIGH RISK', 1],
  ])('%s => %i', (_case, verdicts, pipelineExit, failOn, expected) => {
    expect(lookupExitCode(verdicts.map(row), pipelineExit, failOn)).toBe(expected);
  });
});
