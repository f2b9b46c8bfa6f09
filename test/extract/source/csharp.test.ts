import { describe, expect, it } from 'vitest';
import { UnitIndex } from '../../../src/model/resolve-references.js';
import { factsOf } from './analyse.js';

const CONTROLLER = `using System.IO;
using Acme.Billing.Data;
using Json = System.Text.Json;

namespace Acme.Billing.Api
{
    /* [HttpGet("commented")] */
    [ApiController, Route("api/[controller]")]
    public partial class InvoicesController : ControllerBase, IDisposable
    {
        private readonly BillingContext _db;

        public InvoicesController(BillingContext db) { _db = db; }

        [HttpGet("{id}")]
        public async Task<ActionResult<Invoice>> Get(int id)
        {
            var archive = new StreamWriter(@"D:\\Archive\\Invoices\\"); // a verbatim string may end in a backslash
            var raw = _db.Run("SELECT NUMBER FROM dbo.Invoices WHERE ID = @id");
            return await _db.FindAsync<Invoice>(id);
        }

        public void Dispose() => _db.Dispose();
    }
}
`;

const PARTIAL = `namespace Acme.Billing.Api;

public partial class InvoicesController
{
    [HttpPost]
    public void Create(Invoice invoice) { File.WriteAllText("C:\\\\Invoices\\\\out.xml", invoice.ToString()); }
}

public class BillingContext : DbContext
{
    public DbSet<Invoice> Invoices { get; set; }
    public DbSet<LedgerEntry> Entries { get; set; }
    public static void Main(string[] args) { }
}

[Table("LEDGER_ENTRIES")]
public class LedgerEntry { }
`;

describe('C# extractor', () => {
  it('takes usings, namespaces (block and file-scoped), units, and base class versus interfaces', async () => {
    const facts = await factsOf('Api/InvoicesController.cs', CONTROLLER);
    expect(facts.imports.map((i) => [i.target, i.wildcard ?? false, i.alias])).toEqual([
      ['System.IO', true, undefined],
      ['Acme.Billing.Data', true, undefined],
      ['System.Text.Json', false, 'Json'],
    ]);
    expect(facts.units.map((u) => [u.id, u.kind, u.modifiers])).toEqual([
      ['Acme.Billing.Api.InvoicesController', 'class', ['public', 'partial']],
    ]);
    const refs = facts.references.map((r) => `${r.kind} ${r.to}`);
    expect(refs).toEqual(
      expect.arrayContaining([
        'inherits ControllerBase',
        'implements IDisposable',
        'calls BillingContext',
        'uses Invoice',
        'uses ActionResult',
        'instantiates StreamWriter',
      ]),
    );
  });

  it('a using the file never uses is marked: an alias never written, a catalogued namespace none of whose types appear', async () => {
    const facts = await factsOf(
      'Billing/InvoiceQueue.cs',
      `using System.Messaging;
using System.ServiceProcess;
using System.EnterpriseServices;
using Q = System.Messaging.MessageQueue;
using Acme.Billing.Data;
// ServiceBase is only named in this comment
namespace Acme.Billing {
  [Transaction(TransactionOption.Required)]
  public class InvoiceQueue : System.Object {
    public void Send(object invoice) { using (var queue = new MessageQueue(@".\\private$\\invoices")) { queue.Send(invoice); } }
  }
}`,
    );
    expect(facts.imports.map((i) => [i.target, i.unused ?? false])).toEqual([
      ['System.Messaging', false],
      ['System.ServiceProcess', true],
      ['System.EnterpriseServices', false],
      ['System.Messaging.MessageQueue', true],
      ['Acme.Billing.Data', false],
    ]);
  });

  it('routes: attribute routes joined with the controller route, never from comments', async () => {
    const facts = await factsOf('Api/InvoicesController.cs', CONTROLLER);
    expect(facts.entryPoints.map((e) => [e.kind, e.detail, e.location.line])).toEqual([
      ['http-route', 'api/Invoices/{id}', 15],
    ]);
    expect(facts.annotations.map((a) => [a.name, a.member, a.arguments])).toEqual([
      ['ApiController', undefined, undefined],
      ['Route', undefined, '"api/[controller]"'],
      ['HttpGet', 'Get', '"{id}"'],
    ]);
  });

  it('verbatim strings, SQL in strings, file APIs', async () => {
    const facts = await factsOf('Api/InvoicesController.cs', CONTROLLER);
    expect(facts.literals.map((l) => [l.kind, l.value])).toEqual([['path', 'D:\\Archive\\Invoices\\']]);
    expect(facts.apiCalls.map((a) => [a.api, a.name])).toEqual([['file-write', 'new StreamWriter']]);
    expect(facts.dataAccess.map((d) => [d.target, d.mode, d.via])).toEqual([['DBO.INVOICES', 'read', 'sql']]);
  });

  it('a partial class in two files is one unit; EF DbSets map entities to tables', async () => {
    const one = await factsOf('Api/InvoicesController.cs', CONTROLLER);
    const two = await factsOf('Api/InvoicesController.Create.cs', PARTIAL);
    expect(two.namespace).toBe('Acme.Billing.Api');
    expect(two.units.map((u) => u.id)).toEqual([
      'Acme.Billing.Api.InvoicesController',
      'Acme.Billing.Api.BillingContext',
      'Acme.Billing.Api.LedgerEntry',
    ]);
    const index = new UnitIndex([one, two]);
    expect(index.units.map((u) => u.id)).toEqual([
      'Acme.Billing.Api.InvoicesController',
      'Acme.Billing.Api.BillingContext',
      'Acme.Billing.Api.LedgerEntry',
    ]);
    expect(two.definitions.map((d) => [d.kind, d.name, d.attributes])).toEqual([
      ['entity', 'Invoice', { table: 'INVOICES', by: 'convention' }],
      ['entity', 'LedgerEntry', { table: 'ENTRIES', by: 'convention' }],
      ['entity', 'Acme.Billing.Api.LedgerEntry', { table: 'LEDGER_ENTRIES' }],
    ]);
    expect(two.entryPoints.map((e) => [e.kind, e.detail])).toEqual([
      ['http-route', undefined],
      ['main', undefined],
    ]);
    expect(two.apiCalls.map((a) => a.name)).toEqual(['File.WriteAllText']);
  });
});
