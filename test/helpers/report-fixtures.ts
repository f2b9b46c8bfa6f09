/**
 * Files whose names, code and configuration carry HTML and script, as a hostile or merely
 * unlucky repository might: reports must show them as text. `window.__pwned` is set if any runs.
 */
export const HOSTILE_SECRET = 'Hunter2-s3cr3t-VALUE';
export const HOSTILE_TREE: Record<string, string> = {
  'shop<script>window.__pwned=1</script>/package.json': JSON.stringify({
    name: '<img src=x onerror="window.__pwned=2">',
    version: '1.0.0',
    dependencies: { express: '^4.18.0' },
  }),
  'shop<script>window.__pwned=1</script>/src/</script><script>window.__pwned=3</script>.js': [
    "const express = require('express');",
    '// <!-- </script><script>window.__pwned=4</script> -->',
    'const db = "jdbc:oracle:thin:@10.20.30.40:1521/ORDERS"; // <img src=x onerror=window.__pwned=5>',
    "const url = 'http://legacy-host.acme.corp/api?a=1&b=<b>2</b>';",
    "fs.writeFileSync('/var/data/<svg onload=window.__pwned=6>.txt', data);",
    '',
  ].join('\n'),
  'shop<script>window.__pwned=1</script>/config/application.properties': [
    'server.port=8080',
    `db.password=${HOSTILE_SECRET}`,
    'db.url=jdbc:postgresql://pg01.acme.corp:5432/shop',
    '',
  ].join('\n'),
};

export { replicate } from '../../scripts/replicate-result.mjs';
