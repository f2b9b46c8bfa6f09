import { describe, expect, it } from 'vitest';
import { factsOf } from './analyse.js';

const SOURCE = `package com.acme.shop;

import com.acme.shop.model.*;
import java.util.List;
import static java.util.Objects.requireNonNull;
import javax.servlet.http.HttpSession;

/** Not code: new FileWriter("/var/x"); @GetMapping("/fake") */
@RestController
@RequestMapping(value = "/api/orders")
public class OrderController<T extends Comparable<T>> extends BaseController implements Auditable, Serializable {
    // private final LegacyDao legacy = new LegacyDao();
    private final OrderRepository repository;
    private final String query = """
        SELECT o.ID FROM SHOP.ORDERS o JOIN SHOP.CUSTOMERS c ON c.ID = o.CUSTOMER_ID
        """;

    @GetMapping("/{id}")
    public Order get(@PathVariable long id, HttpSession session) {
        String note = "// not a comment and not a call to legacy.load()";
        return repository.findById(id).orElseThrow();
    }

    @Scheduled(cron = "0 0 2 * * *")
    void nightly() throws java.io.IOException {
        try (var out = new java.io.FileWriter("/var/exports/orders.csv")) {
            out.write(System.getenv("EXPORT_HEADER"));
        }
        Runtime.getRuntime().exec("gzip /var/exports/orders.csv");
        em.persist(audit);
    }

    static class Page<E> {
        List<E> items;
        Page<E> next() { return new Page<>(); }
    }

    public static void main(String[] args) {
        Processor.run("jdbc:oracle:thin:@db01.acme.corp:1521:ORDP", "10.1.2.3");
    }
}
`;

describe('Java extractor', () => {
  it('takes package, imports, units with nesting and generics, inheritance', async () => {
    const facts = await factsOf('src/OrderController.java', SOURCE);
    expect(facts.namespace).toBe('com.acme.shop');
    expect(facts.imports.map((i) => [i.target, i.wildcard ?? false])).toEqual([
      ['com.acme.shop.model', true],
      ['java.util.List', false],
      ['java.util.Objects', false],
      ['javax.servlet.http.HttpSession', false],
    ]);
    expect(facts.units.map((u) => [u.id, u.kind, u.parent])).toEqual([
      ['com.acme.shop.OrderController', 'class', undefined],
      ['com.acme.shop.OrderController.Page', 'class', 'com.acme.shop.OrderController'],
    ]);
    const refs = facts.references.map((r) => `${r.kind} ${r.to}`);
    expect(refs).toEqual(
      expect.arrayContaining([
        'inherits BaseController',
        'implements Auditable',
        'implements Serializable',
        'calls OrderRepository',
        'uses Order',
        'instantiates java.io.FileWriter',
      ]),
    );
    // Type parameters are declarations, not uses; commented-out code is not a reference.
    expect(refs).not.toContain('uses T');
    expect(refs).not.toContain('uses E');
    expect(refs.some((r) => r.includes('LegacyDao'))).toBe(false);
  });

  it('records annotations with arguments and the entry points they make', async () => {
    const facts = await factsOf('src/OrderController.java', SOURCE);
    expect(facts.annotations.find((a) => a.name === 'RequestMapping')).toMatchObject({
      arguments: 'value = "/api/orders"',
    });
    expect(facts.entryPoints.map((e) => [e.kind, e.detail, e.location.line])).toEqual([
      ['http-route', '/api/orders/{id}', 18],
      ['scheduled', '0 0 2 * * *', 24],
      ['main', undefined, 38],
    ]);
  });

  it('joins a JAX-RS method path to its verb and to the class path', async () => {
    const facts = await factsOf(
      'src/GraphTraversalService.java',
      [
        'package acme.pathfinder;',
        'import jakarta.ws.rs.*;',
        '@Path("/graph-traversal")',
        'public class GraphTraversalService {',
        '  @GET',
        '  @Path("/shortest-path")',
        '  public String shortestPath(@QueryParam("origin") String origin) { return "[]"; }',
        '  @POST',
        '  public void reset() { }',
        '}',
      ].join('\n'),
    );
    expect(facts.entryPoints.filter((e) => e.kind === 'http-route').map((e) => [e.detail, e.location.line])).toEqual(
      expect.arrayContaining([
        ['/graph-traversal/shortest-path', 5],
        ['/graph-traversal', 8],
      ]),
    );
  });

  it('finds APIs of interest, place literals and SQL tables, but nothing in comments or inside ordinary strings', async () => {
    const facts = await factsOf('src/OrderController.java', SOURCE);
    expect(facts.apiCalls.map((a) => [a.api, a.name, a.location.line])).toEqual([
      ['session', 'HttpSession', 19],
      ['file-write', 'new java.io.FileWriter', 26],
      ['environment', 'System.getenv', 27],
      ['process-exec', 'Runtime.getRuntime().exec', 29],
    ]);
    expect(facts.literals.map((l) => [l.kind, l.value])).toEqual([
      ['path', '/var/exports/orders.csv'],
      ['url', 'jdbc:oracle:thin:@db01.acme.corp:1521:ORDP'],
      ['ip', '10.1.2.3'],
    ]);
    expect(facts.dataAccess.filter((d) => d.via === 'sql').map((d) => [d.target, d.mode])).toEqual([
      ['SHOP.ORDERS', 'read'],
      ['SHOP.CUSTOMERS', 'read'],
    ]);
  });

  it('reads which entity a repository stores: Spring Data type arguments, EntityManager writes and typed queries', async () => {
    const repository = await factsOf(
      'src/main/java/acme/CargoRepositoryJPA.java',
      'package acme;\nimport org.springframework.data.repository.CrudRepository;\npublic interface CargoRepositoryJPA extends CrudRepository<Cargo, Long>, CargoRepository {\n  default void store(Cargo cargo) { save(cargo); }\n}\n',
    );
    expect(repository.dataAccess.map((d) => [d.unit, d.target, d.mode, d.via, d.location.line])).toEqual([
      ['acme.CargoRepositoryJPA', 'Cargo', 'write', 'spring-data', 3],
    ]);
    const jpql = await factsOf(
      'src/main/java/acme/HandlingEventRepositoryJPA.java',
      'package acme;\n@NamedQuery(name = "Cargo.findAll", query = "Select c from Cargo c")\ninterface HandlingEventRepositoryJPA {\n  @Query("select he from HandlingEvent he " +\n    "join he.cargo c where c.trackingId = :id")\n  List<HandlingEvent> lookup(String id);\n  @Modifying @Query("delete from HandlingEvent he where he.old = true")\n  void purge();\n  @Query(value = "SELECT 1 FROM DUAL", nativeQuery = true)\n  int ping();\n}\n',
    );
    expect(jpql.dataAccess.filter((d) => d.via === 'jpql').map((d) => [d.target, d.mode, d.location.line])).toEqual([
      ['Cargo', 'read', 2],
      ['HandlingEvent', 'read', 4],
      ['HandlingEvent', 'write', 7],
    ]);
    const mongo = await factsOf(
      'src/main/java/acme/Order.java',
      'package acme;\nimport org.springframework.data.mongodb.core.mapping.Document;\n@Document(collection = "orders")\npublic class Order {}\n',
    );
    expect(mongo.definitions.map((d) => [d.kind, d.name, d.attributes.table])).toEqual([
      ['entity', 'acme.Order', 'ORDERS'],
    ]);
    const jpa = await factsOf(
      'src/main/java/acme/JpaLocationRepository.java',
      'package acme;\nclass JpaLocationRepository {\n  EntityManager entityManager;\n  List<Location> recent;\n  List<Location> findAll() { return entityManager.createNamedQuery("Location.findAll", Location.class).getResultList(); }\n  void store(Location location) { entityManager.persist(location); }\n  void forget(Location location) { recent.remove(location); }\n}\n',
    );
    // remove(location) on a list is no persistence call: only the EntityManager stores and loads entities.
    expect(jpa.dataAccess.map((d) => [d.target, d.mode, d.location.line])).toEqual([
      ['Location', 'read', 5],
      ['Location', 'write', 6],
    ]);
  });

  it('reports a syntax error with its position and keeps what it could read', async () => {
    const facts = await factsOf('src/Broken.java', 'package a;\nclass Broken {\n  void f( {\n}\nclass After {}\n');
    expect(facts.problems).toHaveLength(1);
    expect(facts.problems[0]).toMatchObject({ message: 'Java syntax error', location: { file: 'src/Broken.java' } });
    expect(facts.units.map((u) => u.id)).toContain('a.Broken');
  });
});
