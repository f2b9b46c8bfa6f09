// A portfolio of `copies` × a scan result's applications, for the HTML report's size test and
// benchmark: every application, finding and graph node copied under a new id.
export function replicate(result, copies) {
  const suffix = (copy) => `-${String(copy).padStart(3, '0')}`;
  const ids = result.applications.map((app) => app.id).sort((a, b) => b.length - a.length);
  const rename = (text, copy) => {
    for (const id of ids) if (text.includes(id)) return text.split(id).join(`${id}${suffix(copy)}`);
    return text;
  };
  const out = { ...result, applications: [], findings: [], graph: { nodes: [], edges: [] } };
  for (let copy = 0; copy < copies; copy++) {
    out.applications.push(
      ...result.applications.map((app) => ({
        ...app,
        id: rename(app.id, copy),
        name: rename(app.name, copy),
        path: rename(app.path, copy),
      })),
    );
    out.findings.push(
      ...result.findings.map((finding) => ({
        ...finding,
        id: rename(finding.id, copy),
        applicationId: rename(finding.applicationId, copy),
        evidence: finding.evidence.map((item) => ({ ...item, file: rename(item.file, copy) })),
      })),
    );
    out.graph.nodes.push(
      ...result.graph.nodes.map((node) => ({ ...node, id: rename(node.id, copy), label: rename(node.label, copy) })),
    );
    out.graph.edges.push(
      ...result.graph.edges.map((edge) => ({
        ...edge,
        source: rename(edge.source, copy),
        target: rename(edge.target, copy),
      })),
    );
  }
  // Shared nodes (hosts, libraries) were copied under the same id: keep one of each.
  const seen = new Set();
  out.graph.nodes = out.graph.nodes.filter((node) => !seen.has(node.id) && seen.add(node.id));
  out.summary = { ...result.summary, applications: out.applications.length };
  return out;
}
