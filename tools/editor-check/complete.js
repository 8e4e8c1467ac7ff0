// Completion and hover that a cadre gets in the editor, from the real yaml-language-server.
const fs = require('fs');
const path = require('path');
const { URI } = require('vscode-uri');
const { getLanguageService } = require('yaml-language-server');
const { TextDocument } = require('vscode-languageserver-textdocument');

const [folder, schema] = process.argv.slice(2);
const ls = getLanguageService({
  schemaRequestService: (uri) => Promise.resolve(fs.readFileSync(URI.parse(uri).fsPath, 'utf8')),
  workspaceContext: {
    resolveRelativePath: (rel, resource) =>
      URI.file(path.resolve(path.dirname(URI.parse(resource).fsPath), rel)).toString(),
  },
});
ls.configure({ validate: true, completion: true, hover: true, yamlVersion: '1.2' });

(async () => {
  const head = `# yaml-language-server: $schema=${schema}\n`;
  const cases = [
    ['kind:', 'id: a\nkind: ', { line: 2, character: 6 }],
    ['a new key at the top', 'id: a\n', { line: 2, character: 0 }],
    ['a new key in a phase', 'phases:\n  - number: 1\n    ', { line: 3, character: 4 }],
  ];
  let n = 0;
  for (const [label, text, position] of cases) {
    const uri = URI.file(path.join(folder, `complete-${n++}.yaml`)).toString();
    const list = await ls.doComplete(TextDocument.create(uri, 'yaml', 1, head + text), position, false);
    console.log(`completion at ${label} ${list.items.map((i) => i.label).join(', ')}`);
  }
  const uri = URI.file(path.join(folder, 'hover.yaml')).toString();
  const hover = await ls.doHover(TextDocument.create(uri, 'yaml', 1, head + 'celebrates: {}\n'),
                                 { line: 1, character: 3 });
  console.log(`hover on celebrates: ${hover.contents.value.split('\n\n').slice(1, 3).join(' / ')}`);
})().catch((e) => { console.error(e); process.exit(1); });
