import path from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';

/** The built-in catalogue data (a module of its own: the result cache digests these files without loading their readers). */
export const BUILT_IN_OS_LIFECYCLE = path.join(PACKAGE_ROOT, 'rules', 'catalogue', 'operating-systems.yaml');
export const BUILT_IN_RUNTIME_LIFECYCLE = path.join(PACKAGE_ROOT, 'rules', 'catalogue', 'runtimes.yaml');
export const BUILT_IN_PRICES = path.join(PACKAGE_ROOT, 'rules', 'catalogue', 'instance-prices.yaml');
