// Validates YAML documents with the real yaml-language-server, each wired to its schema by
// a "# yaml-language-server: $schema=RELATIVE/PATH" modeline, exactly as docs/editor.md says.
// stdin: [{"kind", "text", "schema"}], schema a path relative to the document's folder.
// stdout: one list of diagnostics per document.
const fs = require('fs');
const path = require('path');
const { URI } = require('vscode-uri');
const { getLanguageService } = require('yaml-language-server');
const { TextDocument } = require('vscode-languageserver-textdocument');

const folder = process.argv[2];
const ls = getLanguageService({
  schemaRequestService: (uri) => Promise.resolve(fs.readFileSync(URI.parse(uri).fsPath, 'utf8')),
  workspaceContext: {
    resolveRelativePath: (rel, resource) =>
      URI.file(path.resolve(path.dirname(URI.parse(resource).fsPath), rel)).toString(),
  },
});
ls.configure({ validate: true, completion: true, hover: true, yamlVersion: '1.2' });

(async () => {
  const items = JSON.parse(fs.readFileSync(0, 'utf8'));
  const out = [];
  for (const item of items) {
    // One document name each: the server remembers a document's schema by its URI.
    const file = path.join(folder, `doc-${out.length}.yaml`);
    const text = `# yaml-language-server: $schema=${item.schema}\n${item.text}`;
    const doc = TextDocument.create(URI.file(file).toString(), 'yaml', 1, text);
    const diagnostics = await ls.doValidation(doc, false);
    out.push(diagnostics.map((d) => ({ line: d.range.start.line, source: d.source, message: d.message })));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
