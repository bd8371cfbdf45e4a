"""Benchmark: what ``--agents`` adds to a check, at n and 10n tasks against three pulled agents.

    python bench/agents.py                 # n = 10,000 and 10n = 100,000
    python bench/agents.py --n 2000        # a quick look

Three agents as ``agent pull`` writes them: a multi-state Retell LLM (the from_number's outbound
agent), a conversation flow (every 10th task's ``override_agent_id``) and a second Retell LLM
pinned at a version (every 7th task), with prompts of a few kilobytes. Most tasks set what their
agent needs; some lack a variable (RBV605, RBV606), spell one ``customerName`` (RBV607) or carry one
nobody uses (RBV608). Times are CPU seconds in this process (a busy machine slows the wall
clock of both sides unevenly), best of ``--repeat`` after a warm-up: ``validate()`` on the
parsed payload without and with ``agents`` set, interleaved (the difference is what the agent
rules add), and the agent analysis with the rules that read it alone (RBV602, RBV604-RBV610).
"Read" is loading the folder the first time (later checks reuse it until a file changes). The
target is the issue's: at most 0.3 s added at 100,000 tasks. Prints a table; exits 1 when missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from payloads import make_payload  # noqa: E402

from validator import Settings, validate  # noqa: E402
from validator.agents.store import agent_document, agent_file_name, load_agents, write_json_atomic  # noqa: E402
from validator.context import Context  # noqa: E402
from validator.engine.registry import semantic_rules  # noqa: E402
from validator.openapi.load import load_spec  # noqa: E402

NOW = "2026-06-01T12:00:00Z"
TARGET = 0.3  # seconds added at 100,000 tasks
CODES = ("RBV602", "RBV604", "RBV605", "RBV606", "RBV607", "RBV608", "RBV609", "RBV610")
FILLER = " ".join(f"Rule {i}: keep the call short, confirm before booking, never promise refunds." for i in range(40))


def _agent(agent_id: str, version: int, engine: dict[str, Any], body: dict[str, Any], number: str | None = None) -> dict[str, Any]:
    kind = engine["type"]
    section = "retell_llm" if kind == "retell-llm" else "conversation_flow"
    agent = {
        "agent_id": agent_id,
        "version": version,
        "voice_id": "11labs-Adrian",
        "last_modification_timestamp": 1,
        "response_engine": engine,
    }
    phones = [{"phone_number": number, "outbound_agents": [{"agent_id": agent_id, "weight": 1}]}] if number else []
    return agent_document(agent_id, [{"agent": agent, section: body}], {"latest": version}, {}, phones)


def agents_folder(folder: Path) -> Path:
    clinic = _agent(
        "agent_clinic",
        4,
        {"type": "retell-llm", "llm_id": "llm_clinic", "version": 4},
        {
            "llm_id": "llm_clinic",
            "begin_message": "Hi {{customer_name}}, this is the {{clinic}} clinic.",
            "general_prompt": f"Remind {{{{customer_name}}}} of the appointment {{{{appointment}}}}. {FILLER}",
            "default_dynamic_variables": {"clinic": "Main St"},
            "states": [
                {"name": f"s{i}", "state_prompt": f"Step {i}: confirm {{{{appointment}}}} at {{{{ clinic }}}}. {FILLER[:400]}"}
                for i in range(8)
            ],
            "general_tools": [{"type": "end_call", "name": "end_call", "description": "End the call politely with {{customer_name}}."}],
        },
        number="+14157774444",
    )
    flow = _agent(
        "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
        3,
        {"type": "conversation-flow", "conversation_flow_id": "cf_1", "version": 3},
        {
            "conversation_flow_id": "cf_1",
            "start_speaker": "agent",
            "start_node_id": "n0",
            "global_prompt": f"You call {{{{customer_name}}}}. {FILLER}",
            "nodes": [
                {
                    "id": f"n{i}",
                    "name": f"Node {i}",
                    "type": "conversation",
                    "instruction": {"type": "prompt", "text": f"Ask about {{{{appointment}}}} ({i})."},
                }
                for i in range(30)
            ],
        },
    )
    survey = _agent(
        "agent_survey",
        2,
        {"type": "retell-llm", "llm_id": "llm_survey", "version": 2},
        {"llm_id": "llm_survey", "general_prompt": f"Ask {{{{customer_name}}}} about {{{{doctor}}}}. {FILLER}"},
    )
    folder.mkdir(parents=True, exist_ok=True)
    for document in (clinic, flow, survey):
        write_json_atomic(folder / agent_file_name(document["agent_id"]), document)
    return folder


def payload(n: int) -> dict[str, Any]:
    data = make_payload(n)
    for i, task in enumerate(data["tasks"]):
        if i % 7 == 3:
            task["override_agent_id"], task["override_agent_version"] = "agent_survey", 2
        variables = task["retell_llm_dynamic_variables"]
        if i % 997 == 5:
            variables["customerName"] = variables.pop("customer_name")
        if i % 1009 == 6:
            variables["promo"] = "june"
    return data


def best_pair(first: Any, second: Any, repeat: int) -> tuple[float, float]:
    """CPU seconds of each, best of ``repeat``, the two interleaved so that a busy moment of the machine hits both alike."""
    first(), second()  # warm-up: imports, spec, caches
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for function, into in ((first, times[0]), (second, times[1])):
            start = time.process_time()
            function()
            into.append(time.process_time() - start)
    return min(times[0]), min(times[1])


def rules_alone(data: dict[str, Any], folder: Path, repeat: int) -> float:
    """CPU seconds of the agent analysis and the rules that read it, on a context whose shared views the other rules built."""
    rules = [rule for rule in semantic_rules() if rule.code in CODES]
    best = float("inf")
    for _ in range(repeat):
        ctx = Context(data, load_spec(), Settings(agents=folder))
        ctx.tasks, ctx.agent_overrides  # noqa: B018 - built by the first rules of every check, with or without agents
        start = time.process_time()
        for rule in rules:
            assert rule.check is not None
            for _ in rule.check(ctx):
                pass
        best = min(best, time.process_time() - start)
    return best


_CLI = """
import resource, sys
from validator.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, file=sys.stderr)
"""


def cli(data: dict[str, Any], folder: Path, repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """``retell-validate check FILE`` in a fresh process, without and with ``--agents``: (CPU seconds, peak RSS MB), best of ``repeat``."""
    with tempfile.TemporaryDirectory() as temporary:
        file = Path(temporary) / "batch.json"
        file.write_text(json.dumps(data), encoding="utf-8")
        base = [sys.executable, "-c", _CLI, "check", str(file), "--now", NOW, "--format", "json", "-o", os.devnull]
        results: tuple[list[tuple[float, float]], list[tuple[float, float]]] = ([], [])
        for _ in range(repeat):
            for args, into in ((base, results[0]), ([*base, "--agents", str(folder)], results[1])):
                done = subprocess.run(args, capture_output=True, text=True, check=False, cwd=HERE.parent)
                seconds, rss = done.stderr.split()[-2:]
                into.append((float(seconds), float(rss)))
    return min(results[0]), min(results[1])


def measure(n: int, folder: Path, repeat: int) -> dict[str, Any]:
    data = payload(n)
    plain, checked = Settings(), Settings(agents=folder)
    without, with_agents = best_pair(
        lambda: validate(data, now=NOW, settings=plain), lambda: validate(data, now=NOW, settings=checked), repeat
    )
    found = validate(data, now=NOW, settings=checked)
    counts = {code: len([d for d in found.diagnostics if d.code == code]) for code in CODES}
    alone = rules_alone(data, folder, repeat)
    plain_cli, agents_cli = cli(data, folder, min(repeat, 3))
    return {
        "n": n,
        "without": without,
        "with": with_agents,
        "added": with_agents - without,
        "alone": alone,
        "cli": (plain_cli, agents_cli),
        "findings": counts,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = agents_folder(Path(temporary) / "agents")
        start = time.perf_counter()
        load_agents(folder)
        read = time.perf_counter() - start
        rows = [measure(size, folder, args.repeat) for size in (args.n, 10 * args.n)]
    print(f"python bench/agents.py --n {args.n} --repeat {args.repeat}")
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"read the folder (3 agents): {read:.4f} s, once per process (again only when a file changes)")
    print()
    print(f"{'tasks':>9} {'without':>9} {'with':>9} {'added':>9} {'rules':>9} {'µs/task':>8}  findings")
    for row in rows:
        shown = ", ".join(f"{code} {count:,}" for code, count in row["findings"].items() if count)
        print(
            f"{row['n']:>9,} {row['without']:9.3f} {row['with']:9.3f} {row['added']:9.3f} {row['alone']:9.3f} "
            f"{row['alone'] / row['n'] * 1e6:8.2f}  {shown}"
        )
    print()
    print(f"{'tasks':>9} {'CLI s':>9} {'--agents':>9} {'RSS MB':>9} {'--agents':>9}")
    for row in rows:
        (plain_s, plain_mb), (agents_s, agents_mb) = row["cli"]
        print(f"{row['n']:>9,} {plain_s:9.3f} {agents_s:9.3f} {plain_mb:9.0f} {agents_mb:9.0f}")
    big = rows[-1]
    growth = rows[1]["alone"] / rows[0]["alone"] if rows[0]["alone"] > 0 else float("inf")
    worst = max(big["added"], big["alone"])
    verdict = "ok" if big["n"] < 100_000 or worst <= TARGET else "MISSED"
    print()
    print("CPU seconds, best of --repeat. without/with: validate() on the parsed payload, interleaved; added: their difference;")
    print("rules: the agent analysis and the rules reading it (RBV602, RBV604-RBV610) alone, the shared task views already built.")
    print(
        f"added at {big['n']:,} tasks: {worst:.3f} s, the larger of the two (target ≤ {TARGET} s at 100,000: {verdict}); rules n → 10n: ×{growth:.1f}"
    )
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
