/**
 * What the code does with a string literal, from where it stands, when that says it names no
 * place the code needs: `url === 'http://localhost:4567'` and `host.startsWith("https://localhost")`
 * compare; `s || "http://localhost"` and `getenv("HOST", "localhost")` are defaults of a
 * configured value; `{ regex: 'http://localhost:3000' }` is a pattern; `cors: { origin: ... }`
 * names callers allowed in; `__DIR__ . '/app/bootstrap.php'` is the end of a path built from
 * something else. None of them is a dependency, a host to find a home for, or a path.
 */
export type LiteralUse = 'message-key' | 'compared' | 'fallback' | 'pattern' | 'caller' | 'suffix';

/**
 * What the code does with a computed value (an API's result), when where it stands says so: a
 * named field of a message, payload or log line only reports it (`hostname=platform.node()` in a
 * banner, `{ hostName: os.hostname() }` in a webhook); a default of a setting or a comparison.
 * A value stored, returned or handed on by position may decide behaviour, and has no use here.
 */
export type ValueUse = 'reported' | 'fallback' | 'compared';

/** APIs whose result is a value the code may only report (host-name-in-code reads its use through a local variable too). */
export const VALUE_APIS: ReadonlySet<string> = new Set(['machine-name']);

/** Where a literal stands, told the same way for every language's syntax tree. */
export interface LiteralPlace {
  /** The binary operator the literal is an operand of, and on which side. */
  operator?: { text: string; side: 'left' | 'right' };
  /** A branch of a conditional (`c ? a : b`, `a if c else b`), and whether the other branch is a literal too. */
  branch?: { otherIsLiteral: boolean };
  /** The call the literal is an argument of: the called name's last segment, and the argument's index. */
  call?: { name: string; index: number };
  /** The property, key, named argument or variable the literal is the value of. */
  key?: string;
  /** Whether that key is a named field of a structure (a property, dict entry, named argument) or a variable. */
  keyKind?: 'field' | 'variable';
}

const EQUALITY = new Set(['==', '===', '!=', '!==', '<>', 'in', 'not in', 'is', 'is not', 'eq', 'ne']);
const DEFAULTING = new Set(['||', '??', 'or', '?:', '//']);
/** String concatenation: a literal after something else is the rest of a computed value (`__DIR__ . '/app/x.php'`). */
const JOINING = new Set(['+', '.']);

/** Methods that test a string against the literal rather than use it. */
const COMPARING_CALL =
  /^(equals|equalsIgnoreCase|Equals|EqualFold|startsWith|StartsWith|HasPrefix|endsWith|EndsWith|HasSuffix|contains|Contains|includes|indexOf|IndexOf|lastIndexOf|matches|match|test|strpos|stripos|str_starts_with|str_ends_with|str_contains|strcmp|strcasecmp|strncmp|preg_match|assertEquals|assertNotEquals|toBe|toEqual)$/;
/** Getters of configuration whose later arguments are defaults: getenv("HOST", "localhost"), config.get('url', 'http://...'). */
const CONFIG_GETTER =
  /^(getenv|getattr|get|getProperty|getOrDefault|GetValue|GetEnvironmentVariable|getString|env|environ|config|setting|setdefault|option)$/i;
/** Functions whose first argument is a message key, not a place: t("auth.local"), __(), gettext, trans, formatMessage. */
const TRANSLATION_CALL =
  /^(t|\$t|__|_|gettext|ngettext|pgettext|trans|trans_choice|translate|lang|formatMessage|getMessage|getString|localize)$/;
/** Calls that list the origins allowed to call in (CORS). */
const CALLER_CALL =
  /^(WithOrigins|allowedOrigins|addAllowedOrigin|allowedOriginPatterns|AllowOrigins|setAllowedOrigins)$/;
/** Keys whose value is a pattern to match or a caller allowed in. */
const PATTERN_KEY = /(^|[_.-])(regexp?|pattern|patterns|glob|match(es)?|mask)$|(Regexp?|Pattern|Glob)$/;
const CALLER_KEY =
  /^(origin|origins|allowed_?origins|allowedOrigins|AllowedOrigins|cors_?origins?|corsOrigins?|CORS_ALLOWED_ORIGINS|CORS_ORIGIN_WHITELIST|referr?er|allowed_?hosts|ALLOWED_HOSTS)$/;

export function literalUse(place: LiteralPlace): LiteralUse | undefined {
  const { operator, branch, call, key } = place;
  if (operator && EQUALITY.has(operator.text)) return 'compared';
  if (operator && DEFAULTING.has(operator.text) && operator.side === 'right') return 'fallback';
  if (operator && JOINING.has(operator.text) && operator.side === 'right') return 'suffix';
  // One branch a literal, the other computed: the literal is what is used when nothing was set.
  if (branch && !branch.otherIsLiteral) return 'fallback';
  if (call) {
    if (call.index === 0 && TRANSLATION_CALL.test(call.name)) return 'message-key';
    if (COMPARING_CALL.test(call.name)) return 'compared';
    if (call.index >= 1 && CONFIG_GETTER.test(call.name)) return 'fallback';
    if (CALLER_CALL.test(call.name)) return 'caller';
  }
  if (key !== undefined && PATTERN_KEY.test(key)) return 'pattern';
  if (key !== undefined && CALLER_KEY.test(key)) return 'caller';
  return undefined;
}

/** Calls that print or log what they are given. */
const REPORTING_CALL =
  /^(print|println|printf|print_r|echo|log|info|debug|warn|warning|error|trace|fatal|notice|WriteLine|Write|LogInformation|LogDebug|LogWarning|LogError|Infof|Debugf|Warnf|Errorf|Printf|Println)$/;

export function valueUse(place: LiteralPlace): ValueUse | undefined {
  const { operator, call, keyKind } = place;
  if (operator && EQUALITY.has(operator.text)) return 'compared';
  if (operator && DEFAULTING.has(operator.text) && operator.side === 'right') return 'fallback';
  if (call && call.index >= 1 && CONFIG_GETTER.test(call.name)) return 'fallback';
  if (call && call.index === -1 && COMPARING_CALL.test(call.name)) return 'compared';
  if (call && REPORTING_CALL.test(call.name)) return 'reported';
  if (keyKind === 'field') return 'reported';
  return undefined;
}

/** The last name of a callee as written (`i18n.t`, `$this->lang`, `strings.HasPrefix`, `String::equals`): what the call is of. */
export function calledName(callee: string): string {
  return /([\w$]+)\s*$/.exec(callee.replace(/\s+/g, ''))?.[1] ?? '';
}

/** The last name of a key as written (`'origin'`, `$config['cors_origin']`, `this.options.regex`): what the value is set as. */
export function keyName(key: string): string {
  return /([\w$-]+)[^\w$-]*$/.exec(key)?.[1] ?? '';
}
