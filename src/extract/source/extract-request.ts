/** What the extraction pool sends a worker thread: one file to extract (a module of its own, so the pool and the worker need not import each other). */
export interface ExtractRequest {
  id: number;
  rel: string;
  appRel: string;
  language: string;
  text: string;
}
