import type { EntryKind } from './source-facts.js';

/**
 * Annotations, attributes and decorators that make a class or method an entry point, across
 * Java (Servlet, JAX-RS, Spring, EJB), C# (ASP.NET, WCF) and Python (Flask, FastAPI, Celery).
 */
const CLASS_ENTRIES: Record<string, EntryKind> = {
  WebServlet: 'servlet',
  MessageDriven: 'message-listener',
  WebService: 'web-service',
  ServiceContract: 'web-service',
  ApiController: 'http-route',
};
const METHOD_ENTRIES: Record<string, EntryKind> = {
  GetMapping: 'http-route', PostMapping: 'http-route', PutMapping: 'http-route', DeleteMapping: 'http-route', PatchMapping: 'http-route',
  RequestMapping: 'http-route', GET: 'http-route', POST: 'http-route', PUT: 'http-route', DELETE: 'http-route', PATCH: 'http-route',
  HttpGet: 'http-route', HttpPost: 'http-route', HttpPut: 'http-route', HttpDelete: 'http-route', HttpPatch: 'http-route', Route: 'http-route',
  OperationContract: 'web-service', WebMethod: 'web-service',
  Scheduled: 'scheduled', Schedule: 'scheduled', Schedules: 'scheduled',
  JmsListener: 'message-listener', KafkaListener: 'message-listener', RabbitListener: 'message-listener', SqsListener: 'message-listener', StreamListener: 'message-listener',
  Get: 'http-route', Post: 'http-route', Put: 'http-route', Delete: 'http-route', Patch: 'http-route', Cron: 'scheduled', Interval: 'scheduled',
  EventPattern: 'message-listener', MessagePattern: 'message-listener',
  route: 'http-route', get: 'http-route', post: 'http-route', put: 'http-route', delete: 'http-route', patch: 'http-route', task: 'scheduled', shared_task: 'scheduled',
};

export function entryOfAnnotation(name: string, on: 'class' | 'method'): EntryKind | undefined {
  // Names come from scanned code: `@toString` must find nothing, not Object.prototype's function.
  const entries = on === 'class' ? CLASS_ENTRIES : METHOD_ENTRIES;
  return Object.hasOwn(entries, name) ? entries[name] : undefined;
}

/** Joins a controller's base path and a method's path: /api/products + /{sku}. */
export function joinRoute(base: string, path: string | undefined): string {
  const joined = `${base}/${path ?? ''}`.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  return joined === '/' && !base && !path ? '' : joined;
}
