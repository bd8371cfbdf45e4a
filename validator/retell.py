"""Guard the official Retell SDK: ``create_batch_call`` is checked before anything is sent.

>>> from retell import Retell
>>> from validator.retell import guard
>>> client = guard(Retell(api_key="..."))  # doctest: +SKIP
>>> client.batch_call.create_batch_call(from_number="+14157774444", tasks=[...])  # doctest: +SKIP

The payload checked is the JSON body the SDK would send: the keyword arguments
transformed by the SDK's own ``transform`` (``Omit``/``NotGiven`` dropped,
TypedDict aliases applied, iterables listed), ``extra_body`` merged as the SDK
merges it (top-level keys, ``extra_body`` wins, an ``Omit`` value removes the
key), then serialised and parsed back as the SDK serialises it. ``extra_headers``,
``extra_query``, ``timeout`` and ``max_retries`` pass through untouched.

With ``agents="agents/"`` (or ``agents`` in the configuration) each task's dynamic variables are
checked against the agents pulled into that folder; with ``fetch_agents=True`` too, the agents and
versions the payload runs that the folder lacks are pulled first, with the guarded client, into
the folder (as ``retell-validate agent pull`` would), so the next check needs no request.

Needs the ``retell`` extra (``pip install 'retell-batch-validator[retell]'``);
``import validator`` never imports the SDK. The SDK's transform and JSON encoder
are private modules of retell-sdk (6.x): the tests send through the real SDK
to a local server and compare the bodies, so a change there shows up.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

try:
    import anyio.to_thread
    from retell import AsyncRetell, Omit, Retell
    from retell._utils import transform
    from retell._utils._json import openapi_dumps
    from retell.types.batch_call_create_batch_call_params import BatchCallCreateBatchCallParams
except ImportError as exc:
    raise ImportError(f"validator.retell needs retell-sdk>=6.0 ({exc}): pip install 'retell-batch-validator[retell]'") from exc

from validator.agents.model import Agents, Ref
from validator.agents.pull import PullError, pull
from validator.agents.store import AgentsError, load_agents, save
from validator.api import Now, validate
from validator.config import Config, ConfigFinder, configured_spec
from validator.diagnostics import Report, Severity, counts_in_words, text_lines
from validator.openapi.load import Spec
from validator.openapi.user import load_user_spec
from validator.options import FAIL_ON
from validator.reporters import RenderOptions, visible_diagnostics
from validator.settings import Settings

if TYPE_CHECKING:  # the SDK's own parameter types: a type checker reads check_create_batch_call as the method it mirrors
    from collections.abc import Iterable
    from typing import Required, TypedDict, Unpack

    import httpx
    from retell import NotGiven
    from retell._types import Body, Headers, Query
    from retell.types.batch_call_create_batch_call_params import CallTimeWindow, Task

    class CreateBatchCallArguments(TypedDict, total=False):
        """``client.batch_call.create_batch_call``'s keyword arguments, typed as the SDK's method types them."""

        from_number: Required[str]
        tasks: Required[Iterable[Task]]
        call_time_window: CallTimeWindow | Omit
        name: str | Omit
        reserved_concurrency: int | Omit
        trigger_timestamp: float | Omit
        extra_headers: Headers | None
        extra_query: Query | None
        extra_body: Body | None
        timeout: float | httpx.Timeout | NotGiven | None
        max_retries: int | NotGiven


__all__ = ["PayloadRejected", "PullError", "check_create_batch_call", "guard"]

LOGGER = logging.getLogger("validator.retell")
REQUEST_OPTIONS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout", "max_retries"})  # not part of the body
_SHOWN = 50  # findings listed in a PayloadRejected message; all of them are in .report
_LOG_LEVELS = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}
_GUARDED = "__validator_guard__"

Client = TypeVar("Client", Retell, AsyncRetell)
OnWarning = Callable[[Report], None]


class PayloadRejected(Exception):
    """A create-batch-call payload had findings at or above the threshold; nothing was sent. ``report`` holds them all."""

    def __init__(self, report: Report, fail_on: Severity) -> None:
        self.report, self.fail_on = report, fail_on
        super().__init__(_describe(report, fail_on))

    def __reduce__(self) -> tuple[type[PayloadRejected], tuple[Report, Severity]]:
        return PayloadRejected, (self.report, self.fail_on)  # pickles (multiprocessing, task queues) with its report


def _describe(report: Report, fail_on: Severity) -> str:
    """Like the text report: ``<payload>: CODE [severity] message (pointer)``, hints below."""
    kept, hidden = visible_diagnostics(report, RenderOptions(max_diagnostics=_SHOWN))
    lines = [f"create_batch_call not sent: {counts_in_words([report])} (failing at {fail_on.value} or worse)"]
    for diagnostic in kept:
        lines.extend(text_lines(diagnostic))
    if hidden:
        lines.append(f"… and {hidden:,} more (see .report)")
    return "\n".join(lines)


class _Policy:
    """What a check uses: spec, settings, clock, threshold, and where findings below it go."""

    def __init__(
        self,
        *,
        fail_on: Severity | str | None,
        settings: Settings | None,
        config: str | Path | None,
        spec: Spec | str | Path | None,
        now: Now,
        on_warning: OnWarning | None,
        agents: str | Path | None = None,
        fetch_agents: bool = False,
    ) -> None:
        # As the CLI reads it: ``config``, else (without ``settings``) the configuration nearest the current directory.
        explicit = Path(config) if config is not None else None
        loaded = ConfigFinder(explicit).for_path(Path.cwd()) if explicit is not None or settings is None else Config()
        self.settings = settings or loaded.settings_for(None)
        if agents is not None:
            self.settings = dataclasses.replace(self.settings, agents=Path(agents))
        if fetch_agents and self.settings.agents is None:
            raise ValueError("fetch_agents=True needs a folder to pull into: guard(client, agents='agents/', fetch_agents=True)")
        self.fetcher: Retell | None = None  # the client that pulls missing agents (fetch_agents=True)
        self.fail_on = FAIL_ON.value(fail_on) if fail_on is not None else loaded.fail_threshold()
        if isinstance(spec, Spec):
            self.spec = spec
        else:
            self.spec = load_user_spec(spec) if spec is not None else configured_spec(loaded)
        self.now, self.on_warning = now, on_warning

    def report(self, arguments: Mapping[str, Any]) -> tuple[Report, dict[str, Any]]:
        """The report for create_batch_call's keyword arguments, and the arguments to send.

        The fields go to the SDK already transformed: transforming is idempotent, and a
        generator (``tasks=(... for row in rows)``) is read once, not once here and again there.
        """
        fields, options = _split(arguments)
        body = transform(fields, BatchCallCreateBatchCallParams)
        payload = wire_body(body, options.get("extra_body"))
        if self.fetcher is not None and self.settings.agents is not None:
            _fetch_missing(self.fetcher, self.settings.agents, payload)
        report = validate(payload, now=self.now, settings=self.settings, spec=self.spec)
        return report, {**body, **options}

    def check(self, arguments: Mapping[str, Any]) -> dict[str, Any]:
        """Raise PayloadRejected, or pass on what is below the threshold and return the arguments to send."""
        report, send = self.report(arguments)
        if report.fails(self.fail_on):
            raise PayloadRejected(report, self.fail_on)
        if report.diagnostics:
            self._below_threshold(report)
        return send

    def _below_threshold(self, report: Report) -> None:
        if self.on_warning is not None:
            self.on_warning(report)
            return
        for d in report.diagnostics:
            LOGGER.log(_LOG_LEVELS[d.severity], "create_batch_call: %s [%s] %s (%s)", d.code, d.severity.value, d.message, d.pointer)


def guard(
    client: Client,
    *,
    fail_on: Severity | str | None = None,
    settings: Settings | None = None,
    config: str | Path | None = None,
    spec: Spec | str | Path | None = None,
    now: Now = None,
    on_warning: OnWarning | None = None,
    agents: str | Path | None = None,
    fetch_agents: bool = False,
) -> Client:
    """Return ``client`` (a ``Retell`` or ``AsyncRetell``) with ``batch_call.create_batch_call`` checked before sending.

    The configuration is read as the command line reads it: ``config`` (a retell-validate TOML file,
    or a ``pyproject.toml``), else, unless ``settings`` is given, the nearest ``.retell-validate.toml``
    or ``[tool.retell-validate]`` in a ``pyproject.toml`` from the current directory (when ``guard``
    is called), else the defaults. Findings at or above ``fail_on`` (default: its ``fail-on``, else
    ``"error"``) raise :class:`PayloadRejected` and nothing is sent. Findings below it go to
    ``on_warning(report)``, or else to the ``validator.retell`` logger, and the request is sent as the
    SDK would send it. ``settings`` (default: the configuration's) chooses the rules; ``spec``
    (default: its ``spec``, else the bundled one) the OpenAPI document; ``now`` (default: its ``now``,
    else the real clock) the clock. ``client.with_options(...)`` / ``client.copy(...)`` return guarded
    clients too. Guard a client before using ``with_raw_response``: those wrappers capture the method
    when first used. A configuration or spec that cannot be used raises ``ConfigError`` /
    ``SpecError`` here; a bad ``fail_on``, ``now`` or ``settings`` value a ``ValueError`` naming it.

    ``agents`` (default: the configuration's ``agents``) is a folder of pulled agents: each task's
    dynamic variables are checked against the agent it runs (RBV605-RBV610). ``fetch_agents=True``
    pulls, with this client, the agents and versions a payload runs that the folder lacks, into the
    folder, before checking; a failed pull raises :class:`PullError` and nothing is sent.
    """
    policy = _Policy(
        fail_on=fail_on,
        settings=settings,
        config=config,
        spec=spec,
        now=now,
        on_warning=on_warning,
        agents=agents,
        fetch_agents=fetch_agents,
    )
    if fetch_agents:
        policy.fetcher = (
            client
            if isinstance(client, Retell)
            else Retell(api_key=client.api_key, base_url=client.base_url, timeout=client.timeout, max_retries=client.max_retries)
        )
    _install(client, policy)
    return client


def _install(client: Retell | AsyncRetell, policy: _Policy) -> None:
    if not isinstance(client, Retell | AsyncRetell):
        raise TypeError(f"guard() takes a retell.Retell or retell.AsyncRetell client, not {type(client).__name__}")
    resource: Any = client.batch_call  # one resource object per client (a cached property); patched on the instance
    current = resource.create_batch_call
    original = getattr(current, "__wrapped__") if _is_guarded(current) else current  # noqa: B009 - guarding again replaces the policy
    wrapper = _async_wrapper(original, policy) if isinstance(client, AsyncRetell) else _sync_wrapper(original, policy)
    setattr(wrapper, _GUARDED, True)
    resource.create_batch_call = wrapper
    copy: Callable[..., Any] = type(client).copy  # the class's own: a copy of a guarded client is guarded anew

    @functools.wraps(copy)
    def guarded_copy(*args: Any, **kwargs: Any) -> Retell | AsyncRetell:
        duplicate: Retell | AsyncRetell = copy(client, *args, **kwargs)
        _install(duplicate, policy)
        return duplicate

    client.copy = client.with_options = guarded_copy  # type: ignore[method-assign,assignment]


def _is_guarded(method: object) -> bool:
    return getattr(method, _GUARDED, False) is True


def _sync_wrapper(original: Callable[..., Any], policy: _Policy) -> Callable[..., Any]:
    @functools.wraps(original)
    def create_batch_call(**arguments: Any) -> Any:
        return original(**policy.check(arguments))

    return create_batch_call


def _async_wrapper(original: Callable[..., Awaitable[Any]], policy: _Policy) -> Callable[..., Awaitable[Any]]:
    @functools.wraps(original)
    async def create_batch_call(**arguments: Any) -> Any:
        # In a worker thread: checking 100,000 tasks takes about a second the event loop should not wait out.
        checked = await anyio.to_thread.run_sync(policy.check, arguments)
        return await original(**checked)

    return create_batch_call


def _fetch_missing(client: Retell, folder: Path, payload: Any) -> None:
    """Pull what the payload runs that ``folder`` lacks: agents, pinned versions, the from_number's outbound agents.

    Twice at most: a version pinned for the from_number's agent can be asked for once the number's agents are known.
    """
    for _ in range(2):
        try:
            agents = load_agents(folder) if folder.exists() else Agents(folder, {}, {})
        except AgentsError:
            return  # RBV610 reports the folder; pulling into it would hide that
        wanted, numbers = _missing(agents, payload)
        if not wanted and not numbers:
            return
        fetched = pull(client, numbers=numbers, pinned=wanted)
        save(folder, fetched.documents, fetched.numbers)


def _missing(agents: Agents, payload: Any) -> tuple[dict[str, dict[Ref, None]], list[str]]:
    """The agents (with the versions) and the from_number the payload's tasks run that ``agents`` cannot resolve."""
    tasks = payload.get("tasks") if isinstance(payload, dict) else None
    from_number = payload.get("from_number") if isinstance(payload, dict) else None
    runs: set[tuple[str | None, Ref]] = set()  # (override_agent_id, override_agent_version): few distinct pairs in a batch
    for task in tasks if isinstance(tasks, list) else ():
        if isinstance(task, dict):
            agent_id, ref = task.get("override_agent_id"), task.get("override_agent_version")
            runs.add((agent_id if isinstance(agent_id, str) else None, ref if isinstance(ref, str) or type(ref) is int else None))
    wanted: dict[str, dict[Ref, None]] = {}
    numbers: list[str] = []
    for agent_id, ref in runs:
        if agent_id is not None:
            targets = [(agent_id, ref)]
        elif isinstance(from_number, str) and agents.routes.get(from_number):
            targets = [(route.agent_id, ref if ref is not None else route.ref) for route in agents.routes[from_number]]
        else:
            numbers = [from_number] if isinstance(from_number, str) else []
            continue
        for target_id, target_ref in targets:
            pulled = agents.agents.get(target_id)
            if pulled is None or pulled.resolve(target_ref) is None:
                wanted.setdefault(target_id, {})[target_ref] = None
    return wanted, numbers


def check_create_batch_call(
    *,
    settings: Settings | None = None,
    config: str | Path | None = None,
    spec: Spec | str | Path | None = None,
    now: Now = None,
    **params: Unpack[CreateBatchCallArguments],
) -> Report:
    """The report for ``client.batch_call.create_batch_call(**params)``, without a client and without sending.

    ``params`` are the method's keyword arguments (``extra_body`` included), typed with the SDK's own
    parameter types (``BatchCallCreateBatchCallParams``), so a type checker reads a call as it reads the
    SDK's method; at run time anything goes, and what is wrong is a finding. ``settings``, ``config``,
    ``spec`` and ``now`` as for :func:`guard`. Never raises on a bad payload.
    """
    return _Policy(fail_on=None, settings=settings, config=config, spec=spec, now=now, on_warning=None).report(params)[0]


def wire_body(body: Mapping[str, Any], extra_body: object) -> Any:
    """The JSON the SDK sends for a transformed body, parsed back; the merged body itself when the SDK could not encode it.

    ``validate`` then names what JSON cannot carry (NaN, sets, objects), where the SDK would raise.
    """
    if isinstance(extra_body, Mapping):  # the SDK's _merge_mappings: shallow, extra_body wins, Omit removes
        body = {key: value for key, value in {**body, **extra_body}.items() if not isinstance(value, Omit)}
    try:
        return json.loads(openapi_dumps(body))
    except (TypeError, ValueError, RecursionError):
        return body


def _split(arguments: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Body fields, and request options (headers, query, extra body, timeout, retries)."""
    fields = {key: value for key, value in arguments.items() if key not in REQUEST_OPTIONS}
    options = {key: value for key, value in arguments.items() if key in REQUEST_OPTIONS}
    return fields, options
