import { describe, expect, it } from 'vitest';
import { languageForExtension } from '../../src/languages/registry.js';
import { analyseText, deferredSourceText } from '../../src/extract/source-text.js';

describe('deferredSourceText', () => {
  it('gives what analyseText gives, made when first asked for', () => {
    const text = '// header\npackage a;\n\n/* block\n comment */ class B { String s = "// not a comment"; }\r\n';
    const java = languageForExtension('.java');
    const eager = analyseText('app/B.java', text, java, 'B.java');
    const deferred = deferredSourceText('app/B.java', text, java, 'B.java');
    expect(deferred.masked).toBe(eager.masked);
    expect(deferred.loc).toBe(eager.loc);
    expect(deferred.loc).toBe(2);
    expect(deferred.lines.line(5)).toBe(eager.lines.line(5));
    expect(deferred.lines.lineAt(text.indexOf('class'))).toBe(5);
    // Asked again, the same objects: made once.
    expect(deferred.lines).toBe(deferred.lines);
    expect({ rel: deferred.rel, appRel: deferred.appRel, language: deferred.language, text: deferred.text }).toEqual({
      rel: eager.rel,
      appRel: eager.appRel,
      language: eager.language,
      text: eager.text,
    });
  });

  it('masks configuration files by their name when no language is given', () => {
    const text = 'url: jdbc:db2://zos01:446/PROD # the mainframe\n';
    expect(deferredSourceText('app/application.yml', text).masked).toBe(
      analyseText('app/application.yml', text).masked,
    );
  });
});
