import { slugify } from '../../discover/find-applications.js';

/**
 * Package and folder names that say which layer, technology or kind of code a class is, not
 * which part of the business it serves: `domain.model.cargo` is about cargo, `infrastructure.persistence.jpa`
 * about nothing in particular (docs/split.md, Business words).
 */
const LAYER_WORDS = new Set(
  (
    'adapter adapters aggregate aggregates api app application assembler base batch boundary client command commands common commons config configuration ' +
    'control controller controllers converter converters core dao daos data db domain dto dtos endpoint endpoints entities entity event events exception ' +
    'exceptions facade facades handler handlers helper helpers hibernate impl implementation infra infrastructure integration interfaces internal jdbc jms ' +
    'job jobs jpa kernel lang listener listeners main mapper mappers messaging model models mvc persistence port ports query queries readmodel repositories ' +
    'repository resource resources rest scheduling security server service services shared soap spi support task tasks types ui util utils view views ' +
    'web webapp ws business error errors webservice webservices servlet servlets struts struts2 spring route routes router routers middleware ' +
    'lib libs src source sources pkg cmd internal test tests js ts static public scripts script www bin aop vm pojo pojos bean beans vo ' +
    'serializers filtersets forms tables templatetags migration migrations graphql urls signals choices constants fields validators ' +
    'management viewsets'
  ).split(' '),
);
/** Leading segments of reverse-domain package names: an organisation's, not a part of its business. */
const DOMAIN_ROOTS = new Set(
  'com org net io se de fr nl uk eu gov edu co be ch at it es dk no fi pl cz jp cn ru br au ca in us info biz me'.split(
    ' ',
  ),
);

/** `HandlingEvent` → `handling-event`, `ORDER_LINES` → `order-lines`: an application id's slug, camel case split first. */
export function kebab(name: string): string {
  return slugify(name.replace(/([a-z0-9])([A-Z])/g, '$1-$2'));
}

/**
 * The package prefix (almost) all classes share (com.acme.shop): it names the application, not a
 * part of it. Four in five is enough, so that a vendored package beside the application's own
 * does not make every segment look like a business word.
 */
export function applicationPrefix(packages: string[]): string[] {
  const split = packages.map((pkg) => pkg.split('.'));
  const prefix: string[] = [];
  for (;;) {
    const counts = new Map<string, number>();
    // A class's own package is never all prefix: something must be left to tell its parts apart.
    for (const parts of split)
      if (parts.length > prefix.length + 1 && parts.slice(0, prefix.length).join('.') === prefix.join('.'))
        counts.set(parts[prefix.length]!, (counts.get(parts[prefix.length]!) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (!top || top[1] < 0.8 * split.length) return prefix;
    prefix.push(top[0]);
  }
}

/**
 * The part of the business a package serves: its first segment below the application's prefix
 * that is not a layer word (`se.citerus.dddsample.interfaces.booking.web` → booking), the top-level
 * module a modular monolith declares. A segment that holds layers which hold business words
 * (`shop.model.catalog`) is a technical module, and the word below its layer counts. Outside the prefix, what it shares with the prefix and a
 * leading domain root are skipped (`org.eclipse.pathfinder.api` beside org.eclipse.cargotracker,
 * `com.pathfinder.api` → pathfinder). None when every segment is a layer word.
 */
export function businessWord(pkg: string, prefix: string[]): string | undefined {
  const parts = pkg.split('.').filter(Boolean);
  // What the package shares with the application's prefix (org.eclipse of org.eclipse.pathfinder) is the organisation's.
  let shared = 0;
  while (shared < prefix.length && parts[shared] === prefix[shared]) shared++;
  const rest = parts
    .slice(shared)
    .filter((part, at) => !(at === 0 && shared === 0 && DOMAIN_ROOTS.has(part.toLowerCase())));
  // API versions (v1, v2) are layers too.
  const layer = rest.map(
    (part) => LAYER_WORDS.has(part.toLowerCase().replace(/[^a-z0-9]/g, '')) || /^v\d+$/i.test(part),
  );
  // A segment with a layer below it and a business word below that is a technical module holding
  // layers (`shop.model.catalog`, `business.repositories.catalog`): the word below the layer names the part.
  const word = rest.find(
    (_part, at) =>
      !layer[at] &&
      !layer.some((isLayer, below) => below > at && isLayer && layer.some((deeper, at2) => at2 > below && !deeper)),
  );
  return word ? kebab(word) : undefined;
}
