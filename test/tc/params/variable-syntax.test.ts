import {
  isPlaybookVariable,
  isTcVariable,
  isVariableReference,
} from '../../../src/tc/params/variable-syntax';

describe('variable syntax', () => {
  it.each([
    ['#App:1234:ipqs.score!String', true, false],
    ['#Trigger:7:body!String', true, false],
    ['#Global:0:list!StringArray', true, false],
    ['#App:1:custom.value!TCBatch', true, false],
    ['#App:1:items[0]!KeyValueArray', true, false],
    ['&{TC:KEYCHAIN:ipqs_key}', false, true],
    ['&{Vault:TEXT:path.to-key}', false, true],
    ['&{TC:FILE:cert}', false, true],
    ['#App:x:name!String', false, false],
    ['#App:1:name', false, false],
    ['text #App:1:name!String', false, false],
    ['&{TC:SECRET:key}', false, false],
    ['8.8.8.8', false, false],
  ])('classifies %s (playbook %s, TC %s)', (value, playbook, tc) => {
    expect(isPlaybookVariable(value)).toBe(playbook);
    expect(isTcVariable(value)).toBe(tc);
    expect(isVariableReference(value)).toBe(playbook || tc);
  });

  it('does not take non-strings for variables', () => {
    expect(isVariableReference(['#App:1:a!String'])).toBe(false);
  });
});
