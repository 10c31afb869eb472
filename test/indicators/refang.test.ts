import { refang } from '../../src/indicators/refang';

describe('refang', () => {
  it.each([
    ['hxxp://example.com', 'http://example.com'],
    ['hxxps://example.com', 'https://example.com'],
    ['hXXp://example.com', 'http://example.com'],
    ['HXXPS://example.com', 'https://example.com'],
    ['hxxp[:]//example.com', 'http://example.com'],
    ['hxxps[://]example.com', 'https://example.com'],
    ['example[.]com', 'example.com'],
    ['example[ . ]com', 'example.com'],
    ['example(.)com', 'example.com'],
    ['example{.}com', 'example.com'],
    ['example[dot]com', 'example.com'],
    ['example(dot)com', 'example.com'],
    ['example[DOT]com', 'example.com'],
    ['example dot com', 'example.com'],
    ['sub dot example dot com', 'sub.example.com'],
    ['user[@]example.com', 'user@example.com'],
    ['user(at)example.com', 'user@example.com'],
    ['user[at]example.com', 'user@example.com'],
    ['user[AT]example[.]com', 'user@example.com'],
    ['1[.]2[.]3[.]4', '1.2.3.4'],
    ['2001[:]db8[:][:]1', '2001:db8::1'],
    ['hxxp://evil[.]example[.]com/path?q=1', 'http://evil.example.com/path?q=1'],
    ['  example[.]com \t', 'example.com'],
    ['example [.] com', 'example.com'],
    ['user [at] example [dot] com', 'user@example.com'],
    ['1 (.) 2 (.) 3 (.) 4', '1.2.3.4'],
  ])('turns %j into %j', (defanged, live) => {
    expect(refang(defanged)).toBe(live);
  });

  it.each([
    'https://example.com/a?b=c#d',
    'http://[2001:db8::1]:8080/x',
    'user@example.com',
    '+1 (202) 555-0143',
    '2001:db8::1',
    'hxxp-tools.example.com',
    'dot',
    'example.com dot',
  ])('leaves the clean value %j unchanged', (value) => {
    expect(refang(value)).toBe(value);
  });
});
