import { tcV1Reputation, tcV1ThreatRating } from '../../src/verdicts/tc-v1-labels';
import type { TcV1Reputation, TcV1ThreatRating } from '../../src/verdicts/tc-v1-labels';
import type { VerdictName } from '../../src/verdicts/verdict';

describe('the v1.0 compatibility labels', () => {
  it.each<[VerdictName, TcV1Reputation, TcV1ThreatRating]>([
    ['CRITICAL', 'Critical', 'Critical Threat'],
    ['HIGH RISK', 'High Risk', 'High Threat'],
    ['MODERATE RISK', 'Moderate Risk', 'Moderate Threat'],
    ['LOW RISK', 'Low Risk', 'Low Threat'],
    ['SUSPICIOUS', 'Suspicious', 'Suspicious'],
    ['CLEAN', 'Clean', 'N/A'],
    ['INVALID', 'Invalid', 'Suspicious'],
  ])('label %s as IPQS_Reputation %j and TC_Threat_Rating %j', (verdict, reputation, rating) => {
    expect(tcV1Reputation(verdict)).toBe(reputation);
    expect(tcV1ThreatRating(verdict)).toBe(rating);
  });
});
