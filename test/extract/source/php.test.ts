import { describe, expect, it } from 'vitest';
import { languageById } from '../../../src/languages/registry.js';
import { extractSourceFacts } from '../../../src/extract/source/index.js';
import { analyseText } from '../../../src/extract/source-text.js';

const CONTROLLER = `<?php
namespace App\\Billing;

use App\\Models\\Invoice;
use App\\Services\\PdfRenderer as Renderer;

#[Route('/invoices')]
class InvoiceController extends Controller implements HasMiddleware
{
    #[Route('/{id}', methods: ['GET'])]
    public function show(Renderer $pdf, int $id): Invoice
    {
        # file_put_contents('/var/commented', 'x');
        $invoice = new Invoice();
        file_put_contents('/var/invoices/' . $id . '.xml', $pdf->render($invoice));
        $rows = \\DB::select("SELECT * FROM billing.invoices WHERE id = ?", [$id]);
        $_SESSION['last'] = $id;
        exec('lpr /var/invoices/' . $id . '.pdf');
        return InvoiceService::find($id);
    }
}
`;
const ROUTES = `<?php
use Illuminate\\Support\\Facades\\Route;
Route::get('/health', fn () => getenv('APP_VERSION'));
`;

async function facts(appRel: string, text: string) {
  const result = await extractSourceFacts(analyseText(`billing/${appRel}`, text, languageById('php'), appRel));
  if (!result) throw new Error('no facts');
  return result;
}

describe('PHP extractor', () => {
  it('namespaces, use imports with aliases, classes and their bases', async () => {
    const f = await facts('src/Billing/InvoiceController.php', CONTROLLER);
    expect(f.namespace).toBe('App.Billing');
    expect(f.imports.map((i) => i.target)).toEqual(['App.Models.Invoice', 'App.Services.PdfRenderer']);
    expect(f.units.map((u) => [u.id, u.kind])).toEqual([['App.Billing.InvoiceController', 'class']]);
    const refs = f.references.map((r) => `${r.kind} ${r.to}`);
    expect(refs).toEqual(
      expect.arrayContaining([
        'inherits App.Billing.Controller',
        'implements App.Billing.HasMiddleware',
        'instantiates App.Models.Invoice',
        'calls App.Services.PdfRenderer',
        'calls App.Billing.InvoiceService',
        'calls DB',
        'uses App.Models.Invoice',
      ]),
    );
  });

  it('attribute routes joined with the class route; APIs and superglobals; SQL; nothing from comments', async () => {
    const f = await facts('src/Billing/InvoiceController.php', CONTROLLER);
    expect(f.entryPoints.map((e) => [e.kind, e.detail])).toEqual([['http-route', '/invoices/{id}']]);
    expect(f.apiCalls.map((a) => [a.api, a.name, a.location.line])).toEqual([
      ['file-write', 'file_put_contents', 15],
      ['session', '$_SESSION', 17],
      ['process-exec', 'exec', 18],
    ]);
    expect(f.dataAccess.map((d) => [d.target, d.mode])).toEqual([['BILLING.INVOICES', 'read']]);
    expect(JSON.stringify(f)).not.toContain('/var/commented');
  });

  it('a routes file: statements outside classes belong to the file; facade routes', async () => {
    const f = await facts('routes/web.php', ROUTES);
    expect(f.units.map((u) => [u.id, u.kind])).toEqual([['routes/web', 'module']]);
    expect(f.entryPoints.map((e) => [e.unit, e.kind, e.detail])).toEqual([['routes/web', 'http-route', 'GET /health']]);
    expect(f.apiCalls.map((a) => a.api)).toEqual(['environment']);
  });
});
