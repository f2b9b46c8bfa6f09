import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinearRegex, RegexRefused } from '../../src/assess/rules/linear-regex.js';

/** Match starts as JavaScript's engine finds them, looking on from each match's end. */
function jsStarts(source: string, flags: string, text: string): number[] {
  const regex = new RegExp(source, `gm${flags}`);
  const starts: number[] = [];
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0] === '') regex.lastIndex++;
    starts.push(match.index);
  }
  return starts;
}

function linearStarts(source: string, flags: string, text: string): number[] {
  return [...LinearRegex.compile(source, flags).matches(text)].map(({ start }) => start);
}

describe('LinearRegex', () => {
  // Shapes the built-in packs use: words, bounded runs, classes, anchors, alternations, case folding.
  const PATTERNS: [string, string][] = [
    [String.raw`\bEXEC\s+CICS\b`, ''],
    [String.raw`^\s*[\w.-]+:/[\w./-]+\s+/\S+\s+nfs4?\b`, ''],
    [
      String.raw`(protocols?|enabledProtocols)\s*[=:]\s*["']?[^\n]{0,30}\b(SSLv3|TLSv1(\.1)?)([^.\w]|\.[^\d]|\.?$)`,
      'i',
    ],
    [String.raw`\bstatic\s+(final\s+)?(readonly\s+)?(private\s+)?\w+\s*=`, ''],
    [String.raw`localhost(:\d+)?$`, ''],
    [String.raw`^[A-Z]{2,8}\s*$`, ''],
    [String.raw`a|ab|abc`, ''],
    [String.raw`x*`, ''],
  ];
  // Texts as the scan reads them: a lone carriage return has become a line feed (read-text.ts).
  const text = fc
    .stringMatching(/^[aAbcxXEC ICS:/.=\-\n\r\t\u00a0fsnl4TLSv13"'kost0-9]{0,80}$/)
    .map((sample) => sample.replace(/\r(?!\n)/g, '\r\n'));

  it('finds the matches JavaScript finds, CRLF line ends and no-break spaces included (property)', () => {
    for (const [source, flags] of PATTERNS) {
      fc.assert(
        fc.property(text, (sample) => {
          expect(linearStarts(source, flags, sample)).toEqual(jsStarts(source, flags, sample));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('ends a line before a carriage return, as JavaScript does', () => {
    expect(LinearRegex.compile('tomcat$').test('server=tomcat\r\nport=8080')).toBe(true);
    expect(linearStarts('^port', '', 'server=tomcat\r\nport=8080')).toEqual([15]);
  });

  it('reads JavaScript escapes RE2 spells otherwise and JavaScript blanks', () => {
    expect(LinearRegex.compile(String.raw`a\u00a0b`).test('a\u00a0b')).toBe(true);
    expect(LinearRegex.compile(String.raw`a\sb`).test('a\u00a0b')).toBe(true);
    expect(LinearRegex.compile(String.raw`a[\s,]b`).test('a\u2028b')).toBe(true);
    expect(LinearRegex.compile(String.raw`a\Sb`).test('a\u00a0b')).toBe(false);
    expect(LinearRegex.compile(String.raw`(?<host>db\d+)\.corp`).test('db12.corp')).toBe(true);
  });

  it('answers case-insensitive patterns whatever case the text is in', () => {
    const regex = LinearRegex.compile(String.raw`\bCREATE\s+DATABASE\s+LINK\b`, 'i');
    expect(regex.test('create database link remote_db')).toBe(true);
    expect(regex.test('CREATE TABLE link')).toBe(false);
    expect(
      LinearRegex.compile('(xadatasource|usertransaction)', 'i').test('import javax.transaction.UserTransaction;'),
    ).toBe(true);
  });

  it('gives offsets in the text as JavaScript counts them, after characters outside the basic plane', () => {
    expect(linearStarts('café', '', '😀😀 café')).toEqual(['😀😀 café'.indexOf('café')]);
  });

  it('lets a caller skip the rest of a line after a match', () => {
    const text = 'a a a\na a\n';
    const nextLine = (start: number) => text.indexOf('\n', start) + 1;
    expect([...LinearRegex.compile('a').matches(text, nextLine)].map(({ start }) => start)).toEqual([0, 6]);
  });

  it('stays linear on what makes a backtracking engine take exponential time', () => {
    const line = `${'word '.repeat(4000)}!`;
    expect(LinearRegex.compile(String.raw`^(\w+\s?)*$`).test(line)).toBe(false);
    expect(LinearRegex.compile('(a+)+$').test(`${'a'.repeat(5000)}b`)).toBe(false);
  });

  it('refuses look-around and back-references, saying what to write instead', () => {
    const refusal = (source: string) => {
      try {
        LinearRegex.compile(source);
      } catch (error) {
        expect(error).toBeInstanceOf(RegexRefused);
        return `${(error as RegexRefused).message} | ${(error as RegexRefused).hint}`;
      }
      return 'compiled';
    };
    expect(refusal('(?<![Vv]ersion=)10\\.0\\.0\\.1')).toMatch(
      /^look-around \(\?<!…\) is not supported \| .*consumes the context.*notKey or notValue/,
    );
    expect(refusal('TLSv1(?!\\.2)')).toMatch(/^look-around \(\?!…\) is not supported/);
    expect(refusal('(["\'])x\\1')).toMatch(/^back-reference \\1 is not supported \| .*list the alternatives/);
    expect(refusal('(?<q>")x\\k<q>')).toMatch(/^back-reference \\k<q> is not supported/);
    expect(refusal('a{1,2000}')).toMatch(/invalid repeat count.*up to 1000/);
    expect(refusal('(unclosed')).toMatch(/Invalid regular expression.*\| Fix the pattern/);
  });
});
