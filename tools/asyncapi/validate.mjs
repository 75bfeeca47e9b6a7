// The AsyncAPI project's parser is the judge of the document; the summary lets tests in other languages read what it resolved.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';

let documentArg;
let summaryFile;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--summary' && i + 1 < args.length) {
    summaryFile = args[++i];
  } else if (documentArg === undefined && !args[i].startsWith('--')) {
    documentArg = args[i];
  } else {
    documentArg = undefined;
    break;
  }
}
if (documentArg === undefined) {
  console.error('usage: node validate.mjs <document> [--summary <file>]');
  process.exit(2);
}
const file = resolve(documentArg);

const names = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

// the source path given to the parser is what lets relative file $refs resolve next to the document
const { document, diagnostics } = await fromFile(new Parser(), file).parse();

let errors = 0;
for (const d of diagnostics) {
  if (d.severity === DiagnosticSeverity.Error) {
    errors++;
  }
  if (d.severity > DiagnosticSeverity.Warning) {
    continue;
  }
  const where = d.range ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : '-';
  const path = d.path && d.path.length ? ` at ${d.path.join('.')}` : '';
  console.log(`${names[d.severity]} ${d.code} ${file}:${where}${path}: ${d.message}`);
}

if (document === undefined || errors > 0) {
  console.log(`${file}: not a valid AsyncAPI document (${errors} error${errors === 1 ? '' : 's'})`);
  process.exit(1);
}

const channels = document.channels().all();
const messages = document.components().messages().all();
console.log(`${file}: valid AsyncAPI ${document.version()}, ${channels.length} channels, `
  + `${document.operations().all().length} operations, ${messages.length} messages`);

if (summaryFile) {
  const summary = {
    asyncapi: document.version(),
    channels: channels.map(c => ({
      id: c.id(),
      address: c.address(),
      messages: c.messages().all().map(m => m.id()),
      bindings: c.bindings().all().map(b => ({ protocol: b.protocol(), value: b.value() })),
    })),
    operations: document.operations().all().map(o => ({
      id: o.id(),
      action: o.action(),
      channels: o.channels().all().map(c => c.address()),
      messages: o.messages().all().map(m => m.id()),
    })),
    messages: messages.map(m => ({
      id: m.id(),
      name: m.name(),
      contentType: m.contentType(),
      headers: m.hasHeaders() ? m.headers().json() : null,
      payload: m.hasPayload() ? m.payload().json() : null,
      bindings: m.bindings().all().map(b => ({ protocol: b.protocol(), value: b.value() })),
      examples: m.examples().all().map(e => ({ name: e.name(), headers: e.headers(), payload: e.payload() })),
    })),
  };
  writeFileSync(summaryFile, JSON.stringify(summary, null, 2));
}
