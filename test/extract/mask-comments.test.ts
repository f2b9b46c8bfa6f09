import { describe, expect, it } from 'vitest';
import { isFreeFormatCobol, maskComments } from '../../src/extract/mask-comments.js';

/** Masking must keep every offset: same length, same line breaks. */
function expectSameShape(original: string, masked: string) {
  expect(masked).toHaveLength(original.length);
  expect(masked.split('\n').map((line) => line.length)).toEqual(original.split('\n').map((line) => line.length));
}

describe('maskComments: C-like languages', () => {
  it('blanks line and block comments but keeps strings that look like comments', () => {
    const java = [
      'String url = "http://host//path"; // EXEC CICS in a comment',
      '/* HttpSession s = req.getSession();',
      '   still comment */ int x = 1;',
      'char c = \'/\'; String s = "/* not a comment */";',
    ].join('\n');
    const masked = maskComments(java, 'c');
    expectSameShape(java, masked);
    expect(masked).toContain('"http://host//path";');
    expect(masked).not.toContain('EXEC CICS');
    expect(masked).not.toContain('getSession');
    expect(masked).toContain('int x = 1;');
    expect(masked).toContain('"/* not a comment */"');
  });

  it('handles Java text blocks, C# verbatim strings, JS template literals and escaped quotes', () => {
    const source = [
      'String sql = """',
      '    SELECT * FROM ORDERS -- not a comment // either',
      '    """;',
      'var path = @"C:\\Invoices\\"; // comment',
      'const t = `line // one',
      'line two`; // real comment',
      'String q = "say \\"hi\\" // still string";',
    ].join('\n');
    const masked = maskComments(source, 'c');
    expectSameShape(source, masked);
    expect(masked).toContain('// either');
    expect(masked).toContain('@"C:\\Invoices\\";');
    expect(masked).toContain('line // one');
    expect(masked).not.toContain('real comment');
    expect(masked).toContain('// still string');
  });

  it('keeps CRLF line endings intact', () => {
    const source = 'int a; // one\r\nint b; /* two */\r\n';
    const masked = maskComments(source, 'c');
    expect(masked).toBe('int a;       \r\nint b;          \r\n');
  });

  it('treats an unterminated block comment as running to the end of the file', () => {
    expect(maskComments('a /* b\nc', 'c')).toBe('a     \n ');
  });
});

describe('maskComments: other families', () => {
  it('Python: # comments, strings with # and triple-quoted strings are kept', () => {
    const source = 'url = \'http://x/#frag\'  # open(\'f\', \'w\')\ndoc = """# not a comment"""\n';
    const masked = maskComments(source, 'python');
    expect(masked).toContain("'http://x/#frag'");
    expect(masked).not.toContain("open('f'");
    expect(masked).toContain('# not a comment');
  });

  it('shell: # starts a comment only at a word start', () => {
    const masked = maskComments('echo ${#list} # count\nexport A=1#2\n', 'hash');
    expect(masked).toContain('${#list}');
    expect(masked).toContain('A=1#2');
    expect(masked).not.toContain('count');
  });

  it('PHP: # comments but not #[Attributes]', () => {
    const masked = maskComments("#[Route('/x')]\nfoo(); # bar\n", 'php');
    expect(masked).toContain("#[Route('/x')]");
    expect(masked).not.toContain('bar');
  });

  it("SQL: -- comments and '' escapes", () => {
    const masked = maskComments("SELECT 'it''s -- text' FROM t -- why\n", 'sql');
    expect(masked).toContain("'it''s -- text'");
    expect(masked).not.toContain('why');
  });

  it("VB: ' comments and REM lines", () => {
    const masked = maskComments('Dim s = "it\'s" \' comment\nREM old code\n', 'vb');
    expect(masked).toContain('"it\'s"');
    expect(masked).not.toContain('comment');
    expect(masked).not.toContain('old code');
  });

  it('markup: XML comments', () => {
    const masked = maskComments('<a mode="InProc"/>\n<!-- <a mode="InProc"/> -->\n', 'markup');
    expect(masked.match(/InProc/g)).toHaveLength(1);
  });
});

describe('maskComments: mainframe sources', () => {
  const fixed = [
    '000100 IDENTIFICATION DIVISION.',
    '000200*    EXEC CICS XCTL PROGRAM(OLD) END-EXEC.',
    '000300/    PAGE EJECT',
    '000400     EXEC CICS RETURN END-EXEC.                                   CAUTH001',
    '000500     MOVE A TO B. *> floating comment',
  ].join('\n');

  it('COBOL fixed format: indicator column, sequence and identification areas', () => {
    const masked = maskComments(fixed, 'cobol');
    expectSameShape(fixed, masked);
    expect(masked).not.toContain('XCTL');
    expect(masked).not.toContain('PAGE EJECT');
    expect(masked).toContain('EXEC CICS RETURN');
    expect(masked).not.toContain('000400');
    expect(masked).not.toContain('CAUTH001');
    expect(masked).not.toContain('floating');
    expect(masked).toContain('MOVE A TO B.');
  });

  it('COBOL free format keeps column 1-7 text and only drops *> comments', () => {
    const free = '>>SOURCE FORMAT FREE\nIDENTIFICATION DIVISION.\n*> EXEC CICS comment\nEXEC CICS RETURN END-EXEC.\n';
    expect(isFreeFormatCobol(free)).toBe(true);
    const masked = maskComments(free, 'cobol');
    expect(masked).toContain('IDENTIFICATION DIVISION.');
    expect(masked.match(/EXEC CICS/g)).toHaveLength(1);
  });

  it('detects fixed format from sequence numbers, even with letters in the sequence area', () => {
    expect(isFreeFormatCobol(fixed)).toBe(false);
    expect(isFreeFormatCobol('AB0010 IDENTIFICATION DIVISION.\nAB0020 PROGRAM-ID. X.\n')).toBe(false);
    expect(isFreeFormatCobol('IDENTIFICATION DIVISION.\nPROGRAM-ID. X.\nPROCEDURE DIVISION.\n')).toBe(true);
  });

  it('JCL: //* comment lines and columns 72-80', () => {
    const jcl =
      '//JOB1 JOB (A)\n//* EXEC PGM=DFSRRC00\n//STEP1 EXEC PGM=IEFBR14                                                 00010000\n';
    const masked = maskComments(jcl, 'jcl');
    expect(masked).not.toContain('DFSRRC00');
    expect(masked).toContain('PGM=IEFBR14');
    expect(masked).not.toContain('00010000');
  });

  it('assembler and BMS: * comment lines', () => {
    const masked = maskComments('* DFHMSD in a comment\nMAP1 DFHMSD TYPE=MAP\n', 'assembler');
    expect(masked.match(/DFHMSD/g)).toHaveLength(1);
  });

  it('a comment syntax given as data: Lua, whose block comment opens like its line comment', () => {
    const lua = {
      line: [{ open: '--' }],
      block: [['--[[', ']]'] as [string, string]],
      quotes: ['"', "'"],
      backslash: true,
    };
    const source =
      'local url = "http://db01:5432" -- old: "http://db00"\n--[[ host = "10.0.0.1"\n]] print("--not a comment")\n';
    const masked = maskComments(source, lua);
    expect(masked).toHaveLength(source.length);
    expect(masked).toContain('"http://db01:5432"');
    expect(masked).not.toContain('db00');
    expect(masked).not.toContain('10.0.0.1');
    expect(masked).toContain('print("--not a comment")');
    expect(masked.split('\n')).toHaveLength(source.split('\n').length);
  });

  it('line comments that count only where the data says: at a word start, at a line start, not before a character', () => {
    const shell = { line: [{ open: '#', where: 'word-start' as const }], quotes: ['"'] };
    expect(maskComments('echo a#b # note', shell)).toBe('echo a#b       ');
    const basic = { line: [{ open: 'REM ', where: 'line-start' as const }] };
    expect(maskComments('  REM note\nX = "REM " & Y', basic)).toBe('          \nX = "REM " & Y');
    const php = { line: [{ open: '#', notBefore: '[' }] };
    expect(maskComments('#[Route] x # note', php)).toBe('#[Route] x       ');
  });
});
