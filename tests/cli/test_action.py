"""The GitHub Action (action.yml): linted by actionlint in a workflow that uses it, and its steps run as the runner runs a
composite action: each ``run:`` with ``bash --noprofile --norc -eo pipefail``, expressions evaluated into the step's
environment, ``$GITHUB_OUTPUT`` read back into ``steps.<id>.outputs``. The ``uses:`` steps (setup-python, cache,
upload-sarif) are stood in for: setup-python's ``python-path`` is this interpreter, the upload records what it was given.
The install step runs once per module (a real ``pip install`` of this checkout into a fresh virtual environment)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.docs.test_ci_docs import CI_DOC
from tests.helpers import ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
EXAMPLE = ROOT / "tests" / "data" / "workflow-example.yml"
ACTIONLINT = shutil.which("actionlint", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
BAD = 'from_number: "+14157774444"\n'  # RBV101 at 1:1
GOOD = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}\n'
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


# -- the runner, as far as this action needs it ----------------------------------------------------------------------


@dataclass
class Run:
    """What running steps gave: each step's outputs, the last run step's process, what the upload step was given."""

    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # the raw $GITHUB_OUTPUT text of each step
    process: subprocess.CompletedProcess[str] | None = None
    uploaded: dict[str, str] | None = None

    @property
    def check(self) -> subprocess.CompletedProcess[str]:
        assert self.process is not None
        return self.process


def _lookup(path: str, context: dict[str, Any]) -> str:
    node: Any = context
    for part in path.split("."):
        node = node.get(part, "") if isinstance(node, dict) else ""
    return str(node)


def evaluate(expression: str, context: dict[str, Any]) -> str:
    """``a.b.c``, ``'literal'`` and ``x || y``: what this action's expressions use."""
    value = ""
    for alternative in (part.strip() for part in expression.split("||")):
        value = alternative[1:-1] if alternative.startswith("'") else _lookup(alternative, context)
        if value:
            return value
    return value


def condition(expression: str, context: dict[str, Any]) -> bool:
    """``always()``, ``x == 'y'``, ``x != 'y'`` joined by ``&&``; anything else fails the test (the stand-in must grow)."""
    for term in (part.strip() for part in expression.split("&&")):
        if term == "always()":
            continue
        match = re.fullmatch(r"([\w.-]+) (==|!=) '([^']*)'", term)
        assert match, f"unsupported condition {term!r}"
        if (_lookup(match[1], context) == match[3]) != (match[2] == "=="):
            return False
    return True


def substitute(value: object, context: dict[str, Any]) -> str:
    text = str(value).lower() if isinstance(value, bool) else str(value)  # YAML's true is the runner's "true"
    return EXPRESSION.sub(lambda m: evaluate(m[1], context), text)


def read_outputs(text: str) -> dict[str, str]:
    """$GITHUB_OUTPUT as the runner reads it: ``name=value`` lines, and ``name<<DELIMITER`` blocks."""
    outputs: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            outputs[name] = "\n".join(iter(lambda: next(lines), delimiter))
        elif line:
            name, _, value = line.partition("=")
            outputs[name] = value
    return outputs


def run_steps(steps: list[dict[str, Any]], workspace: Path, temp: Path, inputs: dict[str, str], run: Run | None = None) -> Run:
    run = run or Run()
    given = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()} | inputs
    failed = False
    for step in steps:
        if failed and "always()" not in step.get("if", ""):
            continue  # a failed step skips the steps after it, but for those that run always()
        context = {
            "inputs": given,
            "github": {"action_path": str(ROOT)},
            "runner": {"temp": str(temp), "os": "Linux"},
            "steps": {name: {"outputs": outputs} for name, outputs in run.outputs.items()},
        }
        if "if" in step and not condition(step["if"], context):
            continue
        outputs: dict[str, str] = {}
        if "uses" in step:
            action = step["uses"].split("@")[0]
            with_ = {name: substitute(value, context) for name, value in step.get("with", {}).items()}
            if action == "actions/setup-python":
                assert with_ == {"python-version": given["python-version"], "update-environment": "false"}
                outputs = {"python-path": sys.executable, "python-version": f"{sys.version_info[0]}.{sys.version_info[1]}.0"}
            elif action == "actions/cache":
                assert re.fullmatch(r"retell-validate-pip-Linux-py3\.\d+-[0-9a-f]{16}", with_["key"]), with_
            else:
                assert action == "github/codeql-action/upload-sarif", action
                run.uploaded = with_
        else:
            output = temp / "github-output"
            output.write_text("")
            script = temp / "step.sh"
            script.write_text(step["run"])
            env = {
                **os.environ,
                "GITHUB_OUTPUT": str(output),
                "RUNNER_TEMP": str(temp),
                **{name: substitute(value, context) for name, value in step.get("env", {}).items()},
            }
            run.process = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                cwd=workspace,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert run.process.returncode in (0, 1, 2), run.process.stderr
            run.written[step.get("id", step["name"])] = output.read_text()
            outputs = read_outputs(output.read_text())
            failed = failed or run.process.returncode != 0
        if "id" in step:
            run.outputs[step["id"]] = outputs
    return run


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """The steps up to the install, run once: setup-python, the cache key, a real pip install into a fresh venv."""
    temp = tmp_path_factory.mktemp("runner-temp")
    upto = next(i for i, step in enumerate(STEPS) if step.get("id") == "install") + 1
    run = run_steps(STEPS[:upto], temp, temp, {})
    assert run.check.returncode == 0, run.check.stderr
    assert Path(run.outputs["install"]["bin"], "retell-validate").is_file()
    return temp, run


def action(installed: tuple[Path, Run], workspace: Path, **inputs: str) -> Run:
    """The steps after the install (check, upload), with the installed environment."""
    temp, done = installed
    after = next(i for i, step in enumerate(STEPS) if step.get("id") == "install") + 1
    return run_steps(STEPS[after:], workspace, temp, inputs, Run(outputs=dict(done.outputs)))


# -- the steps -------------------------------------------------------------------------------------------------------


def test_inputs_reach_scripts_only_through_the_environment() -> None:
    for step in STEPS:
        assert "${{" not in step.get("run", ""), step["name"]  # an input pasted into a script could run as shell


def test_the_check_step_reports_annotations_fails_and_counts(installed: tuple[Path, Run], tmp_path: Path) -> None:
    (tmp_path / "batch-calls").mkdir()
    (tmp_path / "batch-calls" / "march.yaml").write_text(BAD)
    (tmp_path / "batch-calls" / "april.json").write_text(
        '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "x": 1}'
    )
    run = action(installed, tmp_path, paths="batch-calls/")
    assert run.check.returncode == 1, run.check.stderr
    assert "::error file=batch-calls/march.yaml,line=1," in run.check.stdout
    assert run.outputs["check"] == {"errors": "1", "warnings": "1", "infos": "0", "files": "2"}
    assert run.uploaded is None  # no SARIF unless asked


def test_the_check_step_writes_and_uploads_sarif_when_asked(installed: tuple[Path, Run], tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BAD)
    (tmp_path / "b.json").write_text(GOOD)
    run = action(installed, tmp_path, paths="a.yaml b.json", sarif="true", format="text")
    assert run.check.returncode == 1, run.check.stderr
    assert "a.yaml:1:1: RBV101 [error]" in run.check.stdout
    assert run.outputs["check"]["sarif-file"] == "retell-validate.sarif"
    assert run.uploaded == {"sarif_file": "retell-validate.sarif", "category": "retell-validate"}  # after the failed check too
    sarif = json.loads((tmp_path / "retell-validate.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["RBV101"]


def test_a_multi_line_paths_block_checks_every_line(installed: tuple[Path, Run], tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml", "with space.yaml"):
        (tmp_path / name).write_text(BAD)
    run = action(installed, tmp_path, paths='a.yaml\nb.yaml\n"with space.yaml"\n', format="text")
    assert run.check.returncode == 1, run.check.stderr
    assert sorted(line.split(":")[0] for line in run.check.stdout.splitlines() if ": RBV101" in line) == [
        "a.yaml",
        "b.yaml",
        "with space.yaml",
    ]
    assert run.outputs["check"]["files"] == "3"


def test_a_line_break_in_sarif_file_writes_no_output(installed: tuple[Path, Run], tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BAD)
    run = action(installed, tmp_path, paths="a.yaml", sarif="true", **{"sarif-file": "x.sarif\nerrors=0\nevil=1"})
    assert run.check.returncode == 2
    assert "::error title=retell-validate::sarif-file must be one line" in run.check.stdout
    assert run.written["check"] == "" and run.uploaded is None


def test_args_are_passed_as_words_never_run(installed: tuple[Path, Run], tmp_path: Path) -> None:
    late = (
        '{"from_number": "+14157774444", "tasks": [{"to_number": "+13055550123"}], '
        '"call_time_window": {"timezone": "America/New_York", "windows": [{"start": 540, "end": 1260}]}}'
    )
    (tmp_path / "late.json").write_text(late)  # Florida after 20:00: solicitation law (RBV705), not for informational calls
    solicitation = action(installed, tmp_path, paths="late.json", format="text", args="--now 2026-06-01T12:00:00Z")
    assert "RBV705" in solicitation.check.stdout
    (tmp_path / "reports dir").mkdir()
    informational = action(
        installed,
        tmp_path,
        paths="late.json",
        format="text",
        args='--call-purpose informational --now 2026-06-01T12:00:00Z\n--report "junit:reports dir/junit.xml"',
    )
    assert informational.check.returncode == 0, informational.check.stdout + informational.check.stderr
    assert "RBV705" not in informational.check.stdout
    assert (tmp_path / "reports dir" / "junit.xml").is_file()  # a quoted word with a space, across a line break
    hostile = action(installed, tmp_path, paths="late.json", args="$(touch pwned) `touch pwned2`; touch pwned3")
    assert hostile.check.returncode == 2  # unknown words for retell-validate: a usage error
    assert not list(tmp_path.glob("pwned*"))


def test_an_unbalanced_quote_fails_the_step_with_a_message(installed: tuple[Path, Run], tmp_path: Path) -> None:
    run = action(installed, tmp_path, paths="x.json", args='--now "2026-06-01')
    assert run.check.returncode == 2
    assert "::error title=retell-validate::args: No closing quotation" in run.check.stdout


def test_the_check_step_passes_fail_on_and_config(installed: tuple[Path, Run], tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "colour": 1}\n')
    assert action(installed, tmp_path, paths="p.json").check.returncode == 0  # an unknown key is a warning
    assert action(installed, tmp_path, paths="p.json", **{"fail-on": "warning"}).check.returncode == 1
    (tmp_path / "strict.toml").write_text('fail-on = "warning"\n')
    assert action(installed, tmp_path, paths="p.json", config="strict.toml").check.returncode == 1  # the configuration's fail-on
    missing = action(installed, tmp_path, paths="p.json", config="missing.toml").check
    assert missing.returncode == 2 and "missing.toml" in missing.stderr


def test_the_check_step_passes_over_files_that_are_no_payloads_by_default(installed: tuple[Path, Run], tmp_path: Path) -> None:
    """paths: "." walks the repository: package.json and an app's YAML are no payloads, as for the pre-commit hook."""
    (tmp_path / "package.json").write_text('{"name": "app", "version": "1.0.0"}\n')
    (tmp_path / "app.yaml").write_text("server:\n  port: 8080\n")
    (tmp_path / "march.yaml").write_text(BAD)
    result = action(installed, tmp_path, format="text").check
    assert result.returncode == 1, result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines() if ": RBV" in line] == ["march.yaml"]
    everything = action(installed, tmp_path, format="text", **{"only-payloads": "false"}).check  # near miss
    assert sorted({line.split(":")[0] for line in everything.stdout.splitlines() if ": RBV" in line}) == [
        "app.yaml",
        "march.yaml",
        "package.json",
    ]


# -- actionlint --------------------------------------------------------------------------------------------------------


def actionlint(repository: Path, *files: str) -> subprocess.CompletedProcess[str]:
    assert ACTIONLINT, "actionlint is in the dev extra (pip install -e '.[dev]')"
    return subprocess.run([ACTIONLINT, "-no-color", *files], cwd=repository, capture_output=True, text=True, timeout=120)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository whose root holds this action.yml, as `uses: ./` sees it."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    shutil.copy2(ROOT / "action.yml", tmp_path / "action.yml")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    return tmp_path


def test_the_example_workflow_passes_actionlint(repository: Path) -> None:
    shutil.copy2(EXAMPLE, repository / ".github" / "workflows" / "example.yml")
    result = actionlint(repository, ".github/workflows/example.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_checks_the_inputs_and_outputs_against_action_yml(repository: Path) -> None:
    """The lint is real: an input the action does not have is reported, and so is an output it does not set."""
    workflow = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    workflow["jobs"]["retell-validate"]["steps"][-2]["with"]["fail_on"] = "warning"  # underscore: no such input
    workflow["jobs"]["retell-validate"]["steps"][-1]["run"] = 'echo "${{ steps.payloads.outputs.error }}"'  # errors, not error
    (repository / ".github" / "workflows" / "bad.yml").write_text(yaml.safe_dump(workflow, sort_keys=False))
    result = actionlint(repository, ".github/workflows/bad.yml")
    assert result.returncode == 1
    assert '"fail_on" is not defined' in result.stdout
    assert 'property "error" is not defined' in result.stdout


def test_the_documented_action_workflow_passes_actionlint(repository: Path) -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    (text,) = [b for b in blocks if re.search(r"uses: [\w-]+/retell-batch-validator@", b)]
    (step,) = [st for j in yaml.safe_load(text)["jobs"].values() for st in j["steps"] if "/retell-batch-validator@" in st.get("uses", "")]
    assert set(step["with"]) <= set(ACTION["inputs"])
    # actionlint cannot read a remote action's inputs: check them here, the rest of the workflow there.
    (repository / ".github" / "workflows" / "doc.yml").write_text(text)
    result = actionlint(repository, ".github/workflows/doc.yml")
    assert result.returncode == 0, result.stdout + result.stderr
