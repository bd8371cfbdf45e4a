"""The page in a real browser: Debian's Chromium driven by Playwright, against ``retell-validate serve`` as a person starts it.

A messy contact list and a clean payload are checked through the page; the verdict, the findings and the hours
picture are read off it; the fixed file, the rows report and the parts are downloaded and opened; a file whose cells and
name hold markup is shown as text, and none of it runs. Every control is reached with the keyboard and has a label.
``UPDATE_SCREENSHOTS=1`` writes the screenshots docs/web.md shows into docs/img/.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.helpers import ROOT
from tests.web.support import CLEAN_PAYLOAD, CONTACTS, FIXED_NOW, Server, served_command

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
# As /work/.library/env/machines/python.md starts it: headless, and none of Chromium's own calls out of this machine.
LAUNCH = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync"]  # fmt: skip
# What the page's script would hear of: a Content-Security-Policy violation, or the markup's payload running.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""
MARKUP_LIST = """\
phone number,first_name,notes
<img src=x onerror="window.__pwned='img'">,<script>window.__pwned='script'</script>,"<svg onload=""window.__pwned='svg'""></svg>"
+12125550123,"<b onmouseover=""window.__pwned='b'"">Aisha</b>",<iframe src=javascript:window.__pwned='iframe'></iframe>
"""
MARKUP_NAME = "<img src=x onerror=window.__pwned='name'>.csv"


@dataclass
class Watched:
    """What the page did besides what the test asked: console messages, uncaught errors, requests."""

    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with served_command("--now", FIXED_NOW, scratch=tmp_path_factory.mktemp("scratch")) as running:
        assert running.server is not None, running.printed
        yield running.server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's chromium (.ci/run installs it)")
        pytest.skip("no /usr/bin/chromium: apt-get install -y chromium")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, served: Server) -> Iterator[tuple[Any, Watched]]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    watched = Watched()
    opened.on("console", lambda message: watched.console.append((message.type, message.text)))
    opened.on("pageerror", lambda error: watched.errors.append(str(error)))
    opened.on("request", lambda request: watched.requests.append(request.url))
    opened.add_init_script(WATCH)
    opened.goto(served.url)
    yield opened, watched
    context.close()


def shots(tmp_path: Path) -> Path:
    return ROOT / "docs" / "img" if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path


def checked(page: Any) -> None:
    """Wait until the check and the picture are done."""
    page.wait_for_function("() => document.querySelector('[data-testid=verdict]').dataset.ready !== ''", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('#check').disabled", timeout=30_000)


def quiet(page: Any, watched: Watched, served: Server) -> None:
    """Nothing went wrong on the page: no error, no policy violation, no request but to this server's own files and API."""
    assert watched.errors == []
    assert [m for m in watched.console if m[0] in ("error", "warning")] == []
    assert page.evaluate("window.__violations") == []
    own = {served.url, *(f"{served.url}static/{name}" for name in ("page.js", "page.css", "icon.svg"))}
    own |= {f"{served.url}api/{name}" for name in ("check", "hours", "fix", "rows", "split")}
    assert {url for url in watched.requests if not url.startswith("blob:")} <= own


def download(page: Any, testid: str, to: Path) -> Path:
    with page.expect_download(timeout=30_000) as started:
        page.get_by_test_id(testid).click()
    target = to / str(started.value.suggested_filename)
    started.value.save_as(target)
    return target


def test_a_messy_list_from_file_to_the_parts_to_upload(page: tuple[Any, Watched], served: Server, tmp_path: Path) -> None:
    opened, watched = page
    source = tmp_path / "contacts.csv"
    source.write_text(CONTACTS, encoding="utf-8")
    opened.get_by_label("Calling from").fill("+14155550100")
    opened.get_by_label("Window", exact=True).fill("09:00-20:00")
    opened.get_by_label("Time zone of the window").fill("America/New_York")
    opened.get_by_label("Sun").uncheck()
    opened.get_by_test_id("file-input").set_input_files(str(source))
    checked(opened)

    verdict = opened.get_by_test_id("verdict")
    assert verdict.get_attribute("data-ready") == "false"
    assert verdict.inner_text().splitlines()[0].strip() == "✖Not ready to send" or "Not ready to send" in verdict.inner_text()
    reasons = opened.locator("#reasons li").all_inner_texts()
    assert reasons == [
        "1 row whose number cannot be dialled",
        "1 row whose number check --fix writes in E.164",
        "3 rows outside legal calling hours",
    ]

    expected = served.post("check", ("contacts.csv", CONTACTS.encode()), {
        "window": "09:00-20:00", "timezone": "America/New_York", "days": "Mon,Tue,Wed,Thu,Fri,Sat", "from-number": "+14155550100",
    }).json()["diagnostics"]  # fmt: skip
    findings = opened.get_by_test_id("finding")
    assert findings.count() == len(expected) == 12
    shown = [(f.get_attribute("data-code"), f.get_attribute("data-severity")) for f in findings.all()]
    assert sorted(shown) == sorted((d["code"], d["severity"]) for d in expected)
    assert shown[0] == ("RBV201", "error")  # errors first
    dialled = opened.locator('[data-testid=finding][data-code="RBV201"]')
    assert dialled.inner_text().startswith("✖ ERROR row 11:")  # the row as the spreadsheet numbers it
    assert "Hint: add the area code" in dialled.inner_text()
    groups = opened.locator("#findings section.rule h3").all_inner_texts()
    assert any(text.startswith("RBV705 outside-legal-hours · 2 warnings") for text in groups)

    picture = opened.locator("[data-testid=hours] svg")
    assert picture.count() == 1
    assert picture.locator("g.group").count() == 5  # the five parts split writes for this window
    assert picture.locator("title").first.text_content() == "When calls can ring: contacts.csv"
    assert picture.locator("rect[fill='url(#hatch)']").count() > 0  # Alaska and Hawaii rung too early

    folder = shots(tmp_path)
    opened.locator("#verdict").screenshot(path=str(folder / "web-not-ready.png"))
    opened.locator("#findings").screenshot(path=str(folder / "web-findings.png"))
    opened.locator(".hours-section").screenshot(path=str(folder / "web-hours.png"))

    parts = download(opened, "download-split", tmp_path)
    assert parts.name == "contacts-parts.zip"
    with zipfile.ZipFile(parts) as archive:
        names = archive.namelist()
        plan = json.loads(archive.read("plan.json"))
        aside = list(csv.DictReader(io.StringIO(archive.read("set-aside.csv").decode())))
        eastern = archive.read("01-eastern-mon-sat-0900-2000.csv").decode()
    assert {"plan.json", "plan.txt", "set-aside.csv"} <= set(names)
    assert [part["file"] for part in plan["parts"]] == sorted(n for n in names if n[:2].isdigit())
    assert len(plan["parts"]) == 5
    assert [(row["first_name"], row["row"]) for row in aside] == [("Sam", "9"), ("James", "10"), ("Lee", "11")]
    assert eastern.splitlines()[0] == "phone number,first_name,State,plan"
    assert "Download" in opened.locator("#download-status").inner_text() or "Downloaded" in opened.locator("#download-status").inner_text()
    assert opened.locator("#download-status").inner_text() == "Downloaded contacts-parts.zip (5 parts, 3 row(s) set aside)."

    fixed = download(opened, "download-fixed", tmp_path)
    assert fixed.name == "contacts-fixed.csv"
    assert "+14045048120,Sam,GA,bronze" in fixed.read_text(encoding="utf-8")

    rows = download(opened, "download-rows", tmp_path)
    sheet = openpyxl.load_workbook(rows).worksheets[0]
    assert [cell.value for cell in sheet[1]] == ["phone number", "first_name", "State", "plan", "status", "problems"]
    assert sheet.max_row == 11
    quiet(opened, watched, served)


def test_a_clean_payload_is_ready_to_send(page: tuple[Any, Watched], served: Server, tmp_path: Path) -> None:
    opened, watched = page
    source = tmp_path / "batch.json"
    source.write_text(CLEAN_PAYLOAD, encoding="utf-8")
    opened.get_by_test_id("file-input").set_input_files(str(source))
    checked(opened)
    assert opened.get_by_test_id("verdict").get_attribute("data-ready") == "true"
    assert "Ready to send" in opened.get_by_test_id("verdict").inner_text()
    assert opened.get_by_label("Window", exact=True).is_disabled()  # a payload carries its own window
    assert opened.get_by_test_id("finding").count() == 0
    assert opened.locator("#no-findings").is_visible()
    opened.wait_for_selector("[data-testid=hours] svg")
    assert opened.locator("[data-testid=hours] svg g.group").count() == 1
    opened.set_viewport_size({"width": 1280, "height": 1180})
    opened.evaluate("() => window.scrollTo(0, 0)")
    opened.screenshot(path=str(shots(tmp_path) / "web-ready.png"))
    quiet(opened, watched, served)


def test_markup_in_the_file_is_shown_as_text_and_never_runs(page: tuple[Any, Watched], served: Server, tmp_path: Path) -> None:
    opened, watched = page
    source = tmp_path / "markup.csv"
    source.write_text(MARKUP_LIST, encoding="utf-8")
    # The file goes in under a name that is markup too, as a browser would send a file so named.
    opened.get_by_test_id("file-input").set_input_files({"name": MARKUP_NAME, "mimeType": "text/csv", "buffer": source.read_bytes()})
    checked(opened)
    opened.wait_for_function("() => document.querySelector('#hours-status').textContent === ''", timeout=30_000)
    for testid in ("download-rows", "download-split", "download-fixed"):
        download(opened, testid, tmp_path)
    assert opened.evaluate("window.__pwned") is None
    text = opened.locator("#result").inner_text()
    assert '"<img src=x onerror=\\"window.__pwned=\'img\'\\">" cannot be dialled' in text  # the cell, shown as the text it is
    assert f"{MARKUP_NAME}:" in opened.locator("#tally").inner_text()
    assert MARKUP_NAME in opened.locator("#chosen").inner_text()
    for tag in ("img", "script", "iframe", "b"):
        assert opened.locator(f"#result {tag}").count() == 0, tag
    assert opened.locator("svg[onload]").count() == 0
    assert opened.locator("script").count() == 1  # the page's own
    quiet(opened, watched, served)


def test_a_file_dropped_on_the_box_is_checked(page: tuple[Any, Watched], served: Server) -> None:
    opened, watched = page
    dropped = opened.evaluate_handle(
        """(text) => { const data = new DataTransfer(); data.items.add(new File([text], "dropped.json", {type: "application/json"})); return data; }""",
        CLEAN_PAYLOAD,
    )
    opened.dispatch_event("#drop", "drop", {"dataTransfer": dropped})
    checked(opened)
    assert opened.get_by_test_id("verdict").get_attribute("data-ready") == "true"
    assert opened.locator("#chosen").inner_text().startswith("dropped.json, ")
    quiet(opened, watched, served)


def test_every_control_has_a_label_and_is_reached_with_the_keyboard(page: tuple[Any, Watched], served: Server, tmp_path: Path) -> None:
    opened, watched = page
    labels = ["Contact list or payload", "What the calls are", "Country numbers are written in", "Your calling hours at the recipient's place",
              "Calling from", "Window", "Time zone of the window", "Calls start", "Sheet (workbooks)", "Mon", "Sun"]  # fmt: skip
    for label in labels:
        assert opened.get_by_label(label, exact=label != labels[0]).count() == 1, label
    source = tmp_path / "contacts.csv"
    source.write_text(CONTACTS, encoding="utf-8")
    opened.get_by_test_id("file-input").set_input_files(str(source))
    checked(opened)
    reached = []
    opened.locator("body").focus()
    for _ in range(60):
        opened.keyboard.press("Tab")
        reached.append(opened.evaluate("document.activeElement.id || document.activeElement.tagName"))
    for control in ("file", "call-purpose", "region", "calling-hours", "from-number", "window", "timezone", "trigger", "sheet", "check",
                    "download-fixed", "unsafe-fixes", "download-rows", "rows-format", "download-split"):  # fmt: skip
        assert control in reached, control
    opened.get_by_test_id("download-rows").focus()
    with opened.expect_download() as started:
        opened.keyboard.press("Enter")
    assert started.value.suggested_filename == "contacts-rows.xlsx"
    quiet(opened, watched, served)


def test_a_page_of_a_server_with_a_token_asks_for_it(browser: Any, tmp_path: Path) -> None:
    with served_command("--host", "0.0.0.0", "--allow-remote", "--now", FIXED_NOW, scratch=tmp_path) as running:
        assert running.server is not None and running.server.token is not None
        context = browser.new_context()
        opened = context.new_page()
        port, token = running.server.port, running.server.token
        opened.goto(f"http://127.0.0.1:{port}/")
        assert opened.locator("#token-box").is_visible()
        source = tmp_path / "batch.json"
        source.write_text(CLEAN_PAYLOAD, encoding="utf-8")
        opened.get_by_test_id("file-input").set_input_files(str(source))
        opened.wait_for_function("() => document.querySelector('#status').textContent.includes('token')")
        assert opened.locator("#status").inner_text() == "this server needs the access token it printed when it started"
        opened.goto("about:blank")
        opened.goto(f"http://127.0.0.1:{port}/#token={token}")
        assert opened.get_by_label("Access token").input_value() == token
        assert "#token" not in opened.url  # taken out of the address bar and the history
        opened.get_by_test_id("file-input").set_input_files(str(source))
        checked(opened)
        assert opened.get_by_test_id("verdict").get_attribute("data-ready") == "true"
        context.close()
    shutil.rmtree(tmp_path, ignore_errors=True)
