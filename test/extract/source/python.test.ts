import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/extract/read-text.js';
import { languageById } from '../../../src/languages/registry.js';
import { extractSourceFacts } from '../../../src/extract/source/index.js';
import { moduleName } from '../../../src/extract/source/python.js';
import { analyseText } from '../../../src/extract/source-text.js';

const SOURCE = `"""Orders API. Example: open('/tmp/x', 'w') and SELECT * FROM NOT_A_TABLE."""
import os, numpy as np
import subprocess
from flask import Flask, session
from .models import Order
from ..shared.db import cursor as db_cursor
from sqlalchemy.orm import *

app = Flask(__name__)

@app.route("/orders/<int:order_id>", methods=["GET"])
def get_order(order_id: int) -> Order:
    # open("/var/secret", "w") is commented out
    user = session["user"]
    db_cursor.execute("SELECT ID, TOTAL FROM SHOP.ORDERS WHERE ID = %s", (order_id,))
    return Order.find(order_id)

@celery.task
def export_orders():
    with open("/data/exports/orders.csv", "w", newline="") as out:
        out.write(os.environ["EXPORT_HEADER"])
    subprocess.run(["gzip", "/data/exports/orders.csv"])
    return summarise(np.zeros(3))

def summarise(values):
    return values.sum()

class OrderModel(Base):
    __tablename__ = "orders"

    class Meta:
        ordering = ["id"]

    def total(self):
        with open("/data/rates.csv") as rates:
            return rates.read()

if __name__ == "__main__":
    app.run(host="10.0.8.15", port=8080)
`;

async function facts(appRel: string, text: string) {
  const decoded = decodeText(Buffer.from(text), appRel);
  if (!decoded.ok) throw new Error('decode');
  const result = await extractSourceFacts(
    analyseText(`shop-api/${appRel}`, decoded.text, languageById('python'), appRel),
  );
  if (!result) throw new Error('no facts');
  return result;
}

describe('Python extractor', () => {
  it('maps concrete Django models of an app to their tables, and not abstract ones or classes outside models', async () => {
    const models = await facts(
      'netbox/dcim/models/devices.py',
      [
        'from django.db import models',
        'from netbox.models import PrimaryModel',
        '',
        'class BaseComponent(models.Model):',
        '    class Meta:',
        '        abstract = True',
        '',
        'class Device(PrimaryModel):',
        '    name = models.CharField(max_length=64)',
        '',
        'class Platform(models.Model):',
        '    class Meta:',
        "        db_table = 'dcim_platform_v2'",
        '',
        'class DeviceQuerySet(models.QuerySet):',
        '    pass',
        '',
      ].join('\n'),
    );
    expect(models.definitions.map((d) => [d.name.split('.').pop(), d.attributes.table, d.location.line])).toEqual([
      ['Device', 'DCIM_DEVICE', 8],
      ['Platform', 'DCIM_PLATFORM_V2', 11],
    ]);
    const views = await facts(
      'netbox/dcim/views.py',
      'from django.db import models\n\nclass Device(models.Model):\n    pass\n',
    );
    expect(views.definitions).toEqual([]);
  });

  it('names modules from their path inside the application', () => {
    expect(moduleName('shop/orders/api.py')).toBe('shop.orders.api');
    expect(moduleName('shop/__init__.py')).toBe('shop');
  });

  it('takes the module, top-level functions and classes (not methods or nested classes as separate modules)', async () => {
    const f = await facts('shop/orders/api.py', SOURCE);
    expect(f.units.map((u) => [u.id, u.kind])).toEqual([
      ['shop.orders.api', 'module'],
      ['shop.orders.api.get_order', 'function'],
      ['shop.orders.api.export_orders', 'function'],
      ['shop.orders.api.summarise', 'function'],
      ['shop.orders.api.OrderModel', 'class'],
      ['shop.orders.api.OrderModel.Meta', 'class'],
    ]);
  });

  it('resolves imports: aliases, from-imports, relative imports and wildcards', async () => {
    const f = await facts('shop/orders/api.py', SOURCE);
    expect(f.imports.map((i) => [i.target, i.wildcard ?? false])).toEqual([
      ['os', false],
      ['numpy', false],
      ['subprocess', false],
      ['flask.Flask', false],
      ['flask.session', false],
      ['shop.orders.models.Order', false],
      ['shop.shared.db.cursor', false],
      ['sqlalchemy.orm', true],
    ]);
    const refs = f.references.map((r) => `${r.from.replace('shop.orders.api.', '')} ${r.kind} ${r.to}`);
    expect(refs).toEqual(
      expect.arrayContaining([
        'get_order calls shop.orders.models.Order.find',
        'export_orders calls shop.orders.api.summarise',
        'export_orders calls numpy.zeros',
        'OrderModel inherits Base',
      ]),
    );
  });

  it('entry points from decorators and the __main__ guard; docstrings and comments are not code', async () => {
    const f = await facts('shop/orders/api.py', SOURCE);
    expect(f.entryPoints.map((e) => [e.unit.replace('shop.orders.api', '~'), e.kind, e.detail])).toEqual([
      ['~.get_order', 'http-route', '/orders/<int:order_id>'],
      ['~.export_orders', 'scheduled', undefined],
      ['~', 'main', undefined],
    ]);
    expect(JSON.stringify(f)).not.toContain('NOT_A_TABLE');
    expect(JSON.stringify(f)).not.toContain('/var/secret');
  });

  it('APIs of interest, SQL tables, SQLAlchemy tables and place literals', async () => {
    const f = await facts('shop/orders/api.py', SOURCE);
    // Flask's session (line 14) is a signed cookie, and where Django's lives is a setting: no session API.
    expect(f.apiCalls.map((a) => [a.api, a.name, a.location.line])).toEqual([
      ['file-write', 'open', 20],
      ['environment', 'os.environ', 21],
      ['process-exec', 'subprocess.run', 22],
      ['file-read', 'open', 35],
    ]);
    expect(f.dataAccess.map((d) => [d.target, d.mode, d.via])).toEqual([['SHOP.ORDERS', 'read', 'sql']]);
    expect(f.definitions.map((d) => [d.name, d.attributes.table])).toEqual([['shop.orders.api.OrderModel', 'ORDERS']]);
    expect(f.literals.map((l) => [l.kind, l.value])).toEqual([
      ['path', '/data/exports/orders.csv'],
      ['path', '/data/exports/orders.csv'],
      ['path', '/data/rates.csv'],
      ['ip', '10.0.8.15'],
    ]);
  });

  it('reports a syntax error with its position', async () => {
    const f = await facts('shop/broken.py', 'def ok():\n    return 1\n\ndef broken(:\n    pass\n');
    expect(f.problems[0]).toMatchObject({
      message: 'Python syntax error',
      location: { file: 'shop-api/shop/broken.py' },
    });
    expect(f.units.map((u) => u.id)).toContain('shop.broken.ok');
  });
});
