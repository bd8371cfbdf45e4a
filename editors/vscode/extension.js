// Starts `retell-validate lsp` for JSON, YAML and CSV documents. The server itself decides which
// documents are batch-call payloads (by content), so other JSON/YAML files get no diagnostics.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("retellValidate").get("command");
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: ["json", "jsonc", "yaml", "csv"].flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
  };
  client = new LanguageClient("retellValidate", "Retell batch-call payloads", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
