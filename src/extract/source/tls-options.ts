import type TS from 'typescript';
import type { Ts } from './typescript-modules.js';

const SERVER_CALL = /(^|\.)(createServer|createSecureServer)$/;

/**
 * Whether `rejectUnauthorized: false` in a TLS options object turns certificate checks off. On a
 * client it does. On a server it only says what to do with client certificates the server asks
 * for: with `requestCert: false` (or none, handed straight to https/tls createServer) there are
 * none, and nothing is left unverified (CodiMD's HTTPS server).
 */
export function turnsCertificateChecksOff(ts: Ts, property: TS.PropertyAssignment, file: TS.SourceFile): boolean {
  if (
    property.initializer.kind !== ts.SyntaxKind.FalseKeyword ||
    property.name.getText(file).replace(/['"]/g, '') !== 'rejectUnauthorized'
  )
    return false;
  const options = property.parent;
  const requestCert = options.properties.find(
    (sibling) => ts.isPropertyAssignment(sibling) && sibling.name.getText(file).replace(/['"]/g, '') === 'requestCert',
  );
  if (requestCert && ts.isPropertyAssignment(requestCert))
    return requestCert.initializer.kind === ts.SyntaxKind.TrueKeyword;
  const call = options.parent;
  return !((ts.isCallExpression(call) || ts.isNewExpression(call)) && SERVER_CALL.test(call.expression.getText(file)));
}
