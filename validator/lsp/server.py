"""The language server (pygls): diagnostics as you type, quick fixes, hover and completion.

Checks run on one worker thread, so the protocol loop keeps answering while a
large document is checked. A change waits :data:`DEBOUNCE_SECONDS` for the
next keystroke; a newer change cancels a waiting check, and the result of a
check that finished for a text the editor no longer has is dropped.

Requests that need more than the last check (quick fixes, hover, completion,
"apply all safe fixes") run on that worker too: the protocol thread only reads
and writes messages. What they derive from a version of a document (the edits
of every quick fix, the YAML node tree) is computed once for it and kept with it.
Only open documents are checked and remembered; a save re-checks them all, so an
edited configuration or spec file applies at once.

Documents are synchronised in full: pygls patches incremental changes line by
line with ``str.splitlines``, which also breaks lines at U+2028, NEL and form
feeds where LSP does not, so a patched copy could differ from the editor's.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import yaml
from lsprotocol import types
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from validator.config import CONFIG_FILES
from validator.diagnostics import Severity, rule_url
from validator.engine.registry import rules_by_code
from validator.fix.apply import each_fix_edits, fix_text
from validator.lsp import schema_help
from validator.lsp.analysis import Analysis, Configs, Located, analyse, payload_format
from validator.lsp.cursor import Place, json_place, yaml_place, yaml_root
from validator.lsp.positions import Encoding, LspText
from validator.lsp.transport import Protocol, serve_stream
from validator.openapi.load import Spec, load_spec
from validator.readers import InputFormat
from validator.version import __version__

DEBOUNCE_SECONDS = 0.2
SOURCE = "retell-validate"
CONFIG_GLOBS = tuple(f"**/{name}" for name in CONFIG_FILES)  # re-check open documents when one changes
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
QUICK_FIX = types.CodeActionKind.QuickFix.value
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.retell-validate"
logger = logging.getLogger(__name__)
T = TypeVar("T")
Edits = list[tuple[int, int, str]]


class PayloadServer(LanguageServer):
    def __init__(self, spec: Spec | None = None) -> None:
        super().__init__("retell-validate", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full, protocol_cls=Protocol)
        self.spec = spec or load_spec()
        self.configs = Configs()
        # What is kept is kept per open document, and dropped when it closes.
        self.documents: dict[str, tuple[str, str]] = {}  # uri → (text, language id), as the editor has it
        self.analyses: dict[str, Analysis] = {}
        self._published: dict[str, Analysis] = {}  # what the editor shows
        self._fixes: dict[str, tuple[Analysis, list[Edits | None]]] = {}  # each finding's quick-fix edits, for one analysis
        self._roots: dict[str, tuple[str, yaml.Node | None]] = {}  # the YAML node tree of one text
        self._lock = threading.Lock()  # the worker stores what the protocol thread drops on close
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="retell-validate-check")

    # -- transport ---------------------------------------------------------------------------------------------

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        """Serve over standard input and output with bounded framing (:mod:`validator.lsp.transport`)."""
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="retell-validate-read")
        try:
            asyncio.run(serve_stream(stdin or sys.stdin.buffer, self.protocol, reader))  # type: ignore[arg-type]
        except BrokenPipeError:
            logger.error("the client's end of the pipe closed")
        finally:
            reader.shutdown(wait=False, cancel_futures=True)
            self._worker.shutdown(wait=False, cancel_futures=True)

    async def on_worker(self, work: Callable[..., T], *args: Any) -> T:
        """``work(*args)`` on the checking thread: the protocol thread keeps answering meanwhile."""
        return await asyncio.get_running_loop().run_in_executor(self._worker, work, *args)

    # -- checking ----------------------------------------------------------------------------------------------

    def encoding(self) -> Encoding:
        """The position encoding agreed with the client (UTF-16 unless it offered another)."""
        chosen = str(self.protocol.server_capabilities.position_encoding or "utf-16") if self._initialized() else "utf-16"
        return "utf-8" if chosen == "utf-8" else "utf-32" if chosen == "utf-32" else "utf-16"

    def _initialized(self) -> bool:
        return getattr(self.protocol, "server_capabilities", None) is not None

    def open(self, uri: str, text: str, language_id: str) -> None:
        self.documents[uri] = (text, language_id)

    def update(self, uri: str, text: str) -> None:
        if uri in self.documents:
            self.documents[uri] = (text, self.documents[uri][1])

    def analysis(self, uri: str) -> Analysis | None:
        """The current text checked (synchronously, on the worker thread): what a check publishes. ``None``: not open.

        The last check is reused while the text, its configuration and its spec are unchanged.
        """
        if uri not in self.documents:
            return None
        text, language_id = self.documents[uri]
        root = self.workspace.root_path if self._initialized() else None
        folder = Path(root or Path.cwd())
        result = analyse(
            text, _path(uri), language_id, configs=self.configs, spec=self.spec, folder=folder, previous=self.analyses.get(uri)
        )
        with self._lock:
            if uri in self.documents:
                self.analyses[uri] = result
        return result

    def current(self, uri: str) -> Analysis | None:
        """The last check, if it is of the text the editor has now. Requests never check: code actions, hover and
        completion come with every keystroke and cursor move, and a check takes up to a second."""
        cached = self.analyses.get(uri)
        return cached if cached is not None and cached.text == self.documents.get(uri, ("", ""))[0] else None

    def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        result = self.analysis(uri)
        return [] if result is None else self._diagnostics(result)

    def _diagnostics(self, result: Analysis) -> list[types.Diagnostic]:
        lsp = LspText(result.text, self.encoding())
        if result.config_error is not None:
            return [
                types.Diagnostic(
                    range=_range(lsp, 0, 0), message=result.config_error, severity=types.DiagnosticSeverity.Error, source=SOURCE
                )
            ]
        return [lsp_diagnostic(lsp, found) for found in result.findings]

    def _check(self, uri: str, always: bool) -> list[types.Diagnostic] | None:
        """The diagnostics to publish for ``uri``, ``None`` when there is nothing new to show (on the worker)."""
        result = self.analysis(uri)
        if result is None or (not always and self._published.get(uri) is result):
            return None
        with self._lock:
            if uri in self.documents:
                self._published[uri] = result
        return self._diagnostics(result)

    def schedule(self, uri: str, delay: float, *, always: bool = True) -> None:
        """Check ``uri`` (an open document) after ``delay`` seconds, replacing a check still waiting.

        ``always``: publish even when the check is the one the editor shows already.
        """
        if uri not in self.documents:
            return
        previous = self._pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay, always))

    async def _check_later(self, uri: str, delay: float, always: bool) -> None:
        await asyncio.sleep(delay)
        try:
            text = self.documents.get(uri, ("", ""))[0]
            diagnostics = await self.on_worker(self._check, uri, always)
        except Exception:  # a bug must not take the editor's server down: log it, publish nothing
            logger.exception("checking %s failed", uri)
            return
        finally:
            if self._pending.get(uri) is asyncio.current_task():
                del self._pending[uri]
        if diagnostics is not None and uri in self.documents and self.documents[uri][0] == text:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))

    def close(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        with self._lock:
            for kept in (self.documents, self.analyses, self._published, self._fixes, self._roots):
                kept.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def recheck_all(self) -> None:
        """Check every open document again; the editor hears only of those whose findings changed."""
        for uri in list(self.documents):
            self.schedule(uri, 0, always=False)

    # -- code actions ------------------------------------------------------------------------------------------

    def code_actions(self, uri: str, wanted: types.Range, only: Sequence[str] | None = None) -> list[types.CodeAction]:
        """Quick fixes for the findings in ``wanted``, and "apply all safe fixes"; ``only``: the kinds the client asks for."""
        result = self.current(uri)  # stale or not yet checked: nothing now; the client asks again once diagnostics arrive
        if result is None or result.format is None:
            return []
        actions = []
        if _wants(only, QUICK_FIX):
            lsp = LspText(result.text, self.encoding())
            low, high = lsp.offset(wanted.start.line, wanted.start.character), lsp.offset(wanted.end.line, wanted.end.character)
            edits = None
            for index, found in enumerate(result.findings):
                fix = found.diagnostic.fix
                if fix is None or found.start > high or found.end < low:
                    continue
                edits = edits or self._quick_fixes(uri, result)  # every finding's edits, from one reading of the text
                if edits[index] is None:
                    continue
                title = f"{found.diagnostic.code}: {fix.title}" if fix.safe else f"Apply unsafe fix: {found.diagnostic.code}: {fix.title}"
                changes = [types.TextEdit(_range(lsp, start, end), new) for start, end, new in edits[index] or ()]
                actions.append(
                    types.CodeAction(
                        title=title,
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[lsp_diagnostic(lsp, found)],
                        is_preferred=fix.safe,
                        edit=_workspace_edit(uri, changes),
                    )
                )
        safe = any(f.diagnostic.fix is not None and f.diagnostic.fix.safe for f in result.findings)
        if _wants(only, FIX_ALL) and result.settings is not None and safe:
            # Fixing everything re-checks after each pass: computed only when chosen (codeAction/resolve).
            actions.append(types.CodeAction(title="retell-validate: apply all safe fixes", kind=FIX_ALL, data={"uri": uri}))
        return actions

    def _quick_fixes(self, uri: str, result: Analysis) -> list[Edits | None]:
        kept = self._fixes.get(uri)
        if kept is not None and kept[0] is result:
            return kept[1]
        assert result.format is not None
        edits = each_fix_edits(result.text, result.format, [found.diagnostic for found in result.findings])
        with self._lock:
            if uri in self.documents:
                self._fixes[uri] = (result, edits)
        return edits

    def resolve_fix_all(self, action: types.CodeAction) -> types.CodeAction:
        """The edit of "apply all safe fixes", for the text the editor has now (none when it changed since)."""
        uri = action.data.get("uri") if isinstance(action.data, dict) else None
        result = self.current(uri) if isinstance(uri, str) else None
        if uri is None or result is None or result.format is None or result.settings is None:
            return action
        spec = result.basis[1] if len(result.basis) == 2 else self.spec  # the spec the document was checked with
        outcome = fix_text(result.text, result.format, file=None, settings=result.settings, spec=spec, unsafe=False)
        if outcome.changed:
            whole = types.TextEdit(_range(LspText(result.text, self.encoding()), 0, len(result.text)), outcome.after)
            action.edit = _workspace_edit(uri, [whole])
        return action

    # -- hover and completion ----------------------------------------------------------------------------------

    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        text, fmt = self.payload(uri)
        if fmt is None:
            return None
        lsp = LspText(text, self.encoding())
        offset = lsp.offset(position.line, position.character)
        result = self.current(uri)  # findings of the text as it is now, if checked yet
        findings = result.findings if result is not None else ()
        parts = [_rule_help(found) for found in findings if found.start <= offset <= found.end and found.end > found.start]
        place = self._place(uri, text, offset, fmt)
        if place is not None and place.name is not None and place.token is not None:
            schema = schema_help.editor_schema(self.spec)
            required = place.role == "key" and schema_help.required_at(schema, place.container, place.name)
            described = schema_help.describe(place.name, schema_help.nodes_at(schema, place.path), required)
            if described:
                parts.append(described)
        parts = list(dict.fromkeys(p for p in parts if p))
        if not parts:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))

    def payload(self, uri: str) -> tuple[str, InputFormat | None]:
        """The editor's text and its format when it is a payload: recognition only, no check."""
        text, language_id = self.documents.get(uri, ("", ""))
        return text, payload_format(text, _path(uri), language_id)

    def _place(self, uri: str, text: str, offset: int, fmt: InputFormat) -> Place | None:
        """The cursor's place; a YAML text is composed once per version (hover and completion ask at every move)."""
        if fmt == "json":
            return json_place(text, offset)
        if fmt != "yaml":
            return None
        kept = self._roots.get(uri)
        if kept is None or kept[0] != text:
            kept = (text, yaml_root(text))
            with self._lock:
                if uri in self.documents:
                    self._roots[uri] = kept
        return yaml_place(text, offset, kept[1])

    def completion(self, uri: str, position: types.Position) -> list[types.CompletionItem]:
        text, fmt = self.payload(uri)
        if fmt not in ("json", "yaml"):
            return []
        lsp = LspText(text, self.encoding())
        offset = lsp.offset(position.line, position.character)
        place = self._place(uri, text, offset, fmt)
        if place is None:
            return []
        schema = schema_help.editor_schema(self.spec)
        if place.role == "key":
            container = schema_help.nodes_at(schema, place.container)
            if fmt == "json" or schema_help.is_object(container):
                return _key_items(lsp, place, container, fmt)
            # A YAML word on a `- ` line reads as a key while typed, but the list holds scalars.
            return _value_items(lsp, place, schema_help.values_at(container), fmt)
        nodes = schema_help.nodes_at(schema, place.path)
        if fmt == "yaml" and schema_help.is_object(nodes) and place.token is not None:
            # A plain word on its own line under `key:` reads as that key's value until its colon is typed.
            return _key_items(lsp, Place(place.path, "key", "", place.token), nodes, fmt)
        return _value_items(lsp, place, schema_help.values_at(nodes), fmt)


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a code action of ``kind`` answers a request for the kinds ``only`` (a kind covers its sub-kinds)."""
    return not only or any(kind == wanted or kind.startswith(f"{wanted}.") for wanted in only)


def _path(uri: str) -> Path | None:
    return Path(fs_path) if uri.startswith("file:") and (fs_path := to_fs_path(uri)) else None


def lsp_diagnostic(lsp: LspText, found: Located) -> types.Diagnostic:
    d = found.diagnostic
    url = rule_url(d.code, d.name)
    return types.Diagnostic(
        range=_range(lsp, found.start, found.end),
        message=d.message + (f"\n{d.hint}" if d.hint else ""),
        severity=_SEVERITIES[d.severity],
        code=d.code,
        code_description=types.CodeDescription(href=url),
        source=SOURCE,
        data={"pointer": d.pointer, "name": d.name},
    )


def _range(lsp: LspText, start: int, end: int) -> types.Range:
    return types.Range(start=types.Position(*lsp.position(start)), end=types.Position(*lsp.position(end)))


def _workspace_edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _rule_help(found: Located) -> str:
    rule = rules_by_code().get(found.diagnostic.code)
    if rule is None:
        return found.diagnostic.message
    return f"**{rule.code} {rule.name}** ({found.diagnostic.severity})\n\n{rule.doc}\n\n[Documentation]({rule.url})"


def _replace_range(lsp: LspText, place: Place) -> types.Range | None:
    return _range(lsp, *place.token) if place.token is not None else None


def _key_items(lsp: LspText, place: Place, nodes: list[Any], fmt: str) -> list[types.CompletionItem]:
    items = []
    where = _replace_range(lsp, place)
    for name, (sub, required) in schema_help.keys_at(nodes).items():
        if name in place.siblings:
            continue
        text = json.dumps(name, ensure_ascii=False) if fmt == "json" else name
        insert = f"{text}: " if place.token is None or fmt == "yaml" else text
        items.append(
            types.CompletionItem(
                label=name,
                kind=types.CompletionItemKind.Property,
                detail=("required" if required else None),
                documentation=_markdown(schema_help.describe(name, [sub], required)),
                sort_text=("0" if required else "1") + name,
                filter_text=text,
                text_edit=types.TextEdit(where, insert) if where else None,
                insert_text=None if where else insert,
            )
        )
    return items


def _value_items(lsp: LspText, place: Place, values: list[Any], fmt: str) -> list[types.CompletionItem]:
    where = _replace_range(lsp, place)
    items = []
    for value in values:
        text = json.dumps(value, ensure_ascii=False) if fmt == "json" or not isinstance(value, str) else _yaml_scalar(value)
        items.append(
            types.CompletionItem(
                label=json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value,
                kind=types.CompletionItemKind.EnumMember,
                filter_text=text,
                text_edit=types.TextEdit(where, text) if where else None,
                insert_text=None if where else text,
            )
        )
    return items


def _yaml_scalar(value: str) -> str:
    """The value as YAML writes it: plain when that reads back as the same string, else quoted."""
    return yaml.safe_dump(value).removesuffix("\n...\n").strip()


def _markdown(text: str | None) -> types.MarkupContent | None:
    return types.MarkupContent(kind=types.MarkupKind.Markdown, value=text) if text else None


def build_server(spec: Spec | None = None) -> PayloadServer:
    """A server with every feature registered (a fresh one per call: tests drive one in-process)."""
    server = PayloadServer(spec)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PayloadServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.open(params.text_document.uri, params.text_document.text, params.text_document.language_id)
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PayloadServer, params: types.DidChangeTextDocumentParams) -> None:
        for change in params.content_changes:  # full synchronisation: each change is the whole text
            ls.update(params.text_document.uri, change.text)
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PayloadServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.recheck_all()  # the saved file may be a configuration or a spec the open documents are checked with

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PayloadServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: PayloadServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.configs.forget()
        ls.recheck_all()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: PayloadServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watch and watch.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in CONFIG_GLOBS]
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = types.Registration(
                id="retell-validate-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
            )
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll], resolve_provider=True
        ),
    )
    async def code_action(ls: PayloadServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return await ls.on_worker(ls.code_actions, params.text_document.uri, params.range, params.context.only)

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: PayloadServer, action: types.CodeAction) -> types.CodeAction:
        return await ls.on_worker(ls.resolve_fix_all, action)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: PayloadServer, params: types.HoverParams) -> types.Hover | None:
        return await ls.on_worker(ls.hover, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=['"', ":", " "]))
    async def completion(ls: PayloadServer, params: types.CompletionParams) -> types.CompletionList:
        items = await ls.on_worker(ls.completion, params.text_document.uri, params.position)
        return types.CompletionList(is_incomplete=False, items=items)

    return server


def serve() -> None:
    """Speak LSP on standard input and output until the client says exit."""
    build_server().start_io()
