"""``retell-validate check``: payload files, directories, globs or standard input → one report.

Exit status: 0 clean, 1 findings at or above ``--fail-on``, 2 usage error,
unreadable path, bad configuration or internal error.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from validator.api import DEFAULT_MAX_BYTES, CheckOptions, byte_limit, check_file, check_text
from validator.campaign.rows import ROWS, Input, cover, write_rows
from validator.campaign.sheet import Sheet, Unreadable, read_rows
from validator.cli.agent import AgentsRead
from validator.cli.csv_options import csv_options
from validator.cli.errors import echo_error
from validator.cli.fix import FixSession, closing_note, fix_options
from validator.cli.options import DEFAULT_MAX_DIAGNOSTICS, color_option, configured, render_options, use_color
from validator.cli.outputs import outputs_over_inputs, parse_report_targets, write_report, write_reports
from validator.cli.paths import CONTACT_SUFFIXES, PAYLOAD_SUFFIXES, expand, looks_like_payload
from validator.cli.progress import Progress
from validator.cli.source import SourceLines
from validator.cli.spec import spec_option
from validator.config import ConfigError, ConfigFinder, Overrides, configured_spec
from validator.diagnostics import Report, Severity, Verdict, judge
from validator.dnc.layout import DncIndexError, read_header
from validator.document import Document
from validator.engine.csv import CsvOptions
from validator.fix.apply import FixRefused
from validator.openapi.load import SpecError, load_spec
from validator.options import DNC, EXCLUDE, FAIL_ON, LOCATION_COLUMNS
from validator.readers import FORMAT_NAMES, READERS, format_for_path
from validator.reporters import FORMATS, formats_help, get_renderer
from validator.reporters.statistics import render_statistics
from validator.rules.dnc import dnc_list_unusable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Run:
    """What one ``check`` run collects: reports, and whether a path or configuration was unusable (exit 2)."""

    def __init__(
        self,
        finder: ConfigFinder,
        overrides: Overrides,
        options: CheckOptions,
        session: FixSession | None,
        *,
        only_payloads: bool = False,
        stdin_name: str | None = None,
    ) -> None:
        self.finder, self.overrides, self.options = finder, overrides, options
        self.session = session  # --fix or --diff
        self.only_payloads = only_payloads  # pass over files whose content is no payload (the pre-commit hook)
        self.stdin_name = stdin_name
        self.progress = Progress(enabled=False)  # replaced by the command for a run on a terminal
        self.sources = SourceLines()  # for --show-source: standard input kept, files re-read on demand
        self.reports: list[Report] = []
        self.agents = AgentsRead()  # --agents: refused once when unreadable, named in the closing note
        self.inputs: list[Input] = []  # the files checked, for the verdict's rows and the rows report
        self.rows_report = False  # --report rows:FILE: keep each file's rows from before --fix
        self.failed = False
        self._said: set[str] = set()
        self._checked: set[Path] = set()

    def error(self, message: str) -> None:
        self.failed = True
        if message not in self._said:  # a broken configuration is named once, not once per file
            self._said.add(message)
            echo_error(message)

    def check_path(self, raw: str) -> None:
        if raw == "-":
            self.check_stdin()
            return
        problems: list[str] = []
        files = expand(raw, problems.append, PAYLOAD_SUFFIXES + CONTACT_SUFFIXES if self.only_payloads else PAYLOAD_SUFFIXES)
        for problem in problems:
            self.error(problem)
        if not files and not problems and not Path(raw).exists():
            self.error(f"{raw}: {'no file matches this pattern' if glob.has_magic(raw) else 'no such file or directory'}")
        for file in files:
            absolute = file.absolute()
            if absolute not in self._checked:  # named twice, or by a path and a glob: checked once
                self._checked.add(absolute)
                self.check_file(file)

    def check_stdin(self) -> None:
        """Standard input, named ``--stdin-filename`` in reports and for the configuration (per-file ignores, format)."""
        named = Path(self.stdin_name) if self.stdin_name else None
        try:
            config = self.finder.for_path(named or Path.cwd())
        except ConfigError as exc:
            self.error(str(exc))
            return
        format = self.options.format or (format_for_path(named) if named else None)
        options = replace(self.options, settings=config.settings_for(named, self.overrides), format=format)
        if problem := self.agents.problem(options.settings):
            self.error(f"{problem} (the files checked with it were not checked)")
            return
        limit = byte_limit(options.max_bytes, options.format)
        data = sys.stdin.buffer.read(-1 if limit is None else limit + 1)  # one byte over says "too large"
        name = self.stdin_name or "<stdin>"
        self.sources.add(name, data)
        self.reports.append(self.session.check_stdin(data, options, name) if self.session else check_text(data, options, file=name))

    def _keep(self, document: Document, kept: list[Document]) -> None:
        kept.append(document)
        self._count_tasks(document)

    def _count_tasks(self, document: Document) -> None:
        tasks = document.data.get("tasks") if isinstance(document.data, dict) else None
        if isinstance(tasks, list):
            self.progress.tasks_read(len(tasks))

    def _rows_before(self, file: Path, options: CheckOptions) -> Sheet | None:
        try:
            return read_rows(file, options.csv or CsvOptions(), options.settings)
        except (Unreadable, OSError):
            return None

    def judged(self) -> Verdict:
        """The verdict of the run, each file's calling-hours findings counted by every row they cover."""
        return judge(self.reports, {item.report.file: item.covered for item in self.inputs if item.covered})

    def check_file(self, file: Path) -> None:
        try:
            config = self.finder.for_path(file)
        except ConfigError as exc:
            self.error(f"{exc} (the files it applies to were not checked)")
            return
        try:
            if config.excludes(file, self.overrides) or (self.only_payloads and not looks_like_payload(file, self.options.format)):
                return
            options = replace(self.options, settings=config.settings_for(file, self.overrides))
            if AgentsRead.holds(options.settings, file):
                return  # a pulled agent beside the payloads, not a payload
            if problem := self.agents.problem(options.settings):
                self.error(f"{problem} (the files checked with it were not checked)")
                return
            self.progress.checking(str(file))
            before = self._rows_before(file, options) if self.session and self.session.write and self.rows_report else None
            documents: list[Document] = []
            if self.session:
                self.reports.append(self.session.check_file(file, options))
            else:
                self.reports.append(check_file(file, options, on_document=lambda document: self._keep(document, documents)))
            item = Input(file, self.reports[-1], options.csv or CsvOptions(), options.settings, options.spec or load_spec(), before)
            # The rows the calling-hours findings cover, while the payload is still in hand (a contact list is read again).
            cover(item, documents[0].data if documents else None)
            self.inputs.append(item)
        except FixRefused as exc:
            self.error(str(exc))
        except OSError as exc:
            self.error(f"{file}: cannot read: {exc.strerror or exc}")
        except Exception as exc:  # never a traceback: a bug becomes exit 2 with a message
            self.error(f"{file}: internal error: {type(exc).__name__}: {exc}")
        self.progress.file_done()


def _refuse_outputs_over_inputs(outputs: list[Path], inputs: Iterable[Path]) -> None:
    """Exit 2 before writing anything when an output (``-o``, ``--report``) is one of the inputs."""
    problems = outputs_over_inputs(outputs, inputs)
    for problem in problems:
        echo_error(problem)
    if problems:
        sys.exit(EXIT_USAGE)


def _rows_report(run: _Run, path: Path) -> str | None:
    """``--report rows:FILE``: every row of the files checked (standard input has no file to read the rows from)."""
    if not run.inputs:
        return (
            f"{path}: the rows report reads the rows of the files checked; standard input has none to read again" if run.reports else None
        )
    return write_rows(path, run.inputs)


def _exit_status(run: _Run, fail_on: Severity, exit_zero: bool) -> int:
    for report in run.reports:  # a do-not-call list that could not be used screened nothing: a usage error, like a bad path
        for d in report.diagnostics:
            if d.code == dnc_list_unusable.CODE:
                run.error(d.message)
    if run.failed:
        return EXIT_USAGE
    if exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(r.fails(fail_on) for r in run.reports) else EXIT_CLEAN


EXAMPLES = """\b
Examples:
  retell-validate check batch-calls/                 every JSON and YAML file under a folder
  retell-validate check 'payloads/**/*.yaml' --show-source
  retell-validate check --format sarif -o results.sarif batch-calls/
  retell-validate check --report gitlab:gl-code-quality-report.json batch-calls/
  curl -s "$URL" | retell-validate check --stdin-filename march.json -
  retell-validate check --only-payloads $(git ls-files '*.json' '*.yaml' '*.csv')

\b
Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, I/O or configuration error.
Environment: NO_COLOR turns colour off; FORCE_COLOR turns it on when not on a terminal.
"""


@click.command(epilog=EXAMPLES)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "--output-format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help=formats_help(),
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the output to this file instead of standard output (uncoloured unless --color always).",
)
@click.option(
    "--report",
    "report_targets",
    multiple=True,
    metavar="FORMAT:PATH",
    callback=parse_report_targets,
    help="Also write a report in FORMAT to PATH, from the same run (repeatable), e.g. --report gitlab:gl-code-quality-report.json; "
    "rows:FILE.csv or rows:FILE.xlsx writes every input row with its status and problems.",
)
@configured(FAIL_ON, EXCLUDE, DNC, LOCATION_COLUMNS)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (2 still means a usage error).")
@click.option(
    "--input-format",
    type=click.Choice(FORMAT_NAMES),
    help="Parse every input as this format (default: by extension, else sniffed).",
)
@color_option
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="The name of standard input (`-`) in reports, and for the configuration: per-file ignores, excludes' directory, format by extension.",
)
@click.option("--show-source", is_flag=True, help="Text output: print the line of each finding with a caret under its column.")
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Report errors only, the summary only when there are errors, and the verdict only when the batch is not ready to send.",
)
@click.option("--statistics", is_flag=True, help="Also print how many findings each rule produced (to stderr for machine formats).")
@click.option(
    "--max-diagnostics",
    type=click.IntRange(min=0),
    metavar="N",
    help=f"Report at most N findings per file, then '… and N more' (0: all) [default: {DEFAULT_MAX_DIAGNOSTICS} for text and github, all otherwise].",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help=(
        "Refuse inputs larger than N bytes unread (RBV014); 0: no limit. Default per format, for about 2 GB of memory "
        f"at most: {', '.join(f'{r.name.upper()} {r.max_bytes // 2**20} MiB' for r in READERS.values() if r.read)}"
        " (CSV files are streamed: no limit; on standard input "
        f"{READERS['csv'].max_bytes // 2**20} MiB)."
    ),
)
@click.option(
    "--only-payloads",
    is_flag=True,
    help="Pass over, without a word, files whose content is not a batch-call payload (for hooks that get every JSON, YAML and CSV file); "
    "directories are then walked for *.csv too. Without it, every file named is checked.",
)
@fix_options
@spec_option
@csv_options
def check(paths: tuple[str, ...], given: Overrides, **options: Any) -> None:
    """Check payload files (JSON or YAML), directories and globs; `-` reads standard input."""
    try:
        for index in given.get(DNC) or ():
            read_header(index)  # a list that cannot be used is a usage error before anything is checked
        finder = ConfigFinder.given(given)
        run_config = finder.for_path(Path.cwd())
        fail_on = run_config.fail_threshold(given)
        spec = options["spec"] or configured_spec(run_config)
    except (ConfigError, SpecError, DncIndexError) as exc:
        echo_error(str(exc))
        sys.exit(EXIT_USAGE)
    fix, unsafe, show_diff = options["fix"], options["unsafe_fixes"], options["show_diff"]
    output_file = options["output_file"]
    outputs = ([output_file] if output_file is not None else []) + [path for _, path in options["report_targets"]]
    _refuse_outputs_over_inputs(outputs, [Path(raw) for raw in paths if raw != "-"])  # named files: before any work
    shown = render_options(options, fail_on, spec, to_file=output_file is not None)
    parsed = CheckOptions(
        spec=spec,
        format=options["input_format"],
        csv=options["csv_options"],
        max_bytes=DEFAULT_MAX_BYTES if options["max_bytes"] is None else options["max_bytes"] or None,
        locate_first=shown.max_diagnostics,
        locate_errors_only=shown.quiet,
        subjects=any(
            FORMATS[name].identifies for name in (options["output_format"], *(f for f, _ in options["report_targets"] if f != ROWS))
        ),
    )
    session = FixSession.start(paths, fix=fix, unsafe=unsafe, diff=show_diff)
    run = _Run(finder, given, parsed, session, only_payloads=options["only_payloads"], stdin_name=options["stdin_filename"])
    run.rows_report = any(format == ROWS for format, _ in options["report_targets"])
    if options["show_source"]:
        shown = replace(shown, source_line=run.sources)
    run.progress = Progress.for_run(options["output_format"])
    run.progress.start()
    for raw in paths:
        run.check_path(raw)
    run.progress.finish()
    if not run.reports and not run.failed and not options["only_payloads"]:
        click.echo("warning: no payload files (*.json, *.yaml, *.yml) found", err=True)
    _refuse_outputs_over_inputs(outputs, run._checked)  # and every file a folder or a glob brought in
    verdict = run.judged()
    shown = replace(shown, verdict=verdict)
    output = session.diffs() if session and show_diff else get_renderer(options["output_format"])(run.reports, shown)
    if output_file is None:
        click.echo(output, nl=False, color=use_color(options["color"]))  # click would strip colour when not a terminal
    elif problem := write_report(output_file, output):
        run.error(problem)
    for problem in write_reports(
        options["report_targets"], run.reports, lambda name: replace(render_options(options, fail_on, spec, name), verdict=verdict)
    ):
        run.error(problem)
    for format, path in options["report_targets"]:
        if format == ROWS and (problem := _rows_report(run, path)):
            run.error(problem)
    note = closing_note(session, run.reports, unsafe=unsafe, quiet=options["quiet"])
    if note:
        click.echo(note, err=True)
    if (read := run.agents.note()) and not options["quiet"]:
        click.echo(read, err=True)
    if session and show_diff and not run.failed:  # like ruff: 1 when there is something to fix
        sys.exit(EXIT_FINDINGS if session.would_change else EXIT_CLEAN)
    if options["statistics"]:
        click.echo(render_statistics(run.reports), nl=False, err=options["output_format"] != "text")
    sys.exit(_exit_status(run, fail_on, options["exit_zero"]))
