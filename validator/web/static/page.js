// The page of `retell-validate serve`: send the chosen file to this server's API and show what it answers.
// Everything from the file is put on the page as text (textContent, text nodes), never as markup; the
// Content-Security-Policy forbids inline script and requires Trusted Types, so a markup sink would throw.
// The one string parsed is the hours picture, an SVG this server drew: parsed into an inert document and
// copied element by element from an allowlist, so nothing but shapes and text reaches the page.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const form = $("form");
  const fileInput = $("file");
  const drop = $("drop");
  const tokenInput = $("token");
  const contacts = JSON.parse(body.dataset.contacts);
  const limits = JSON.parse(body.dataset.limits);
  const downloads = [$("download-fixed"), $("download-rows"), $("download-split")];
  const SHOWN_PER_RULE = 100;
  const SEVERITIES = { error: ["✖", 0], warning: ["▲", 1], info: ["ℹ", 2] };
  const SVG = "http://www.w3.org/2000/svg";
  const SVG_ELEMENTS = new Set(["svg", "title", "desc", "defs", "pattern", "g", "rect", "line", "circle", "text", "tspan"]);
  const SVG_ATTRIBUTES = new Set([
    "width", "height", "viewBox", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "fill", "stroke", "stroke-width",
    "font-family", "font-size", "font-weight", "id", "class", "patternUnits", "patternTransform", "transform",
  ]);
  // The one policy the Content-Security-Policy allows: it hands the server's SVG to DOMParser, whose document is inert.
  const svgPolicy = window.trustedTypes
    ? window.trustedTypes.createPolicy("svg", { createHTML: (text) => text })
    : { createHTML: (text) => text };

  let chosen = null; // the File being checked
  let generation = 0; // a newer check makes the answers to older ones stale
  let checkedWith = ""; // the options of the check shown

  if (body.dataset.tokenRequired === "true") {
    $("token-box").hidden = false;
    const given = new URLSearchParams(location.hash.slice(1)).get("token");
    if (given) {
      tokenInput.value = given;
      history.replaceState(null, "", location.pathname + location.search); // the token leaves the address bar
    }
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    node.append(...children); // strings become text nodes
    return node;
  }

  function suffixOf(name) {
    const dot = name.lastIndexOf(".");
    return dot < 0 ? "" : name.slice(dot).toLowerCase();
  }

  function isContactList(file) {
    return contacts.includes(suffixOf(file.name));
  }

  function plural(count, noun) {
    return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
  }

  function say(node, text, problem) {
    node.textContent = text;
    node.classList.toggle("problem", Boolean(problem));
  }

  function setBusy(busy) {
    $("check").disabled = busy;
    for (const button of downloads) button.disabled = busy;
    $("result").setAttribute("aria-busy", busy ? "true" : "false");
  }

  function formData(extra) {
    const data = new FormData();
    data.append("file", chosen, chosen.name);
    const add = (name, value) => {
      if (value && value.trim()) data.append(name, value.trim());
    };
    for (const name of ["call-purpose", "region", "calling-hours"]) add(name, $(name).value);
    if (isContactList(chosen)) {
      for (const name of ["from-number", "window", "timezone", "trigger", "sheet"]) add(name, $(name).value);
      const days = [...document.querySelectorAll("#days input:checked")].map((box) => box.value);
      if ($("window").value.trim() && days.length < 7) add("days", days.join(","));
    }
    for (const [name, value] of Object.entries(extra || {})) add(name, value);
    return data;
  }

  function headers() {
    const token = tokenInput.value.trim();
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  async function problemOf(response) {
    try {
      const answer = await response.json();
      if (answer && typeof answer.error === "string") return answer.error;
    } catch (ignored) {
      // not JSON: the status says it
    }
    return `the server answered ${response.status} ${response.statusText}`;
  }

  async function post(kind, data) {
    let response;
    try {
      response = await fetch(`/api/${kind}`, { method: "POST", body: data, headers: headers() });
    } catch (failure) {
      throw new Error("the server did not answer: is retell-validate serve still running?");
    }
    if (!response.ok) throw new Error(await problemOf(response));
    return response;
  }

  function refusal(file) {
    const limit = limits[suffixOf(file.name)];
    if (limit === undefined) return `${file.name}: not a file this page reads (CSV, XLSX, JSON or YAML).`;
    if (file.size > limit) return `${file.name} is larger than ${Math.round(limit / 1048576)} MiB, the limit for this kind of file.`;
    if ($("window").value.trim() && isContactList(file) && !document.querySelector("#days input:checked")) {
      return "Choose at least one day for the window.";
    }
    return null;
  }

  function optionsKey() {
    return JSON.stringify([...formData().entries()].filter(([name]) => name !== "file"));
  }

  async function check() {
    if (!chosen) {
      say($("status"), "Choose a file first.", true);
      fileInput.focus();
      return;
    }
    const problem = refusal(chosen);
    if (problem) {
      say($("status"), problem, true);
      return;
    }
    const mine = ++generation;
    setBusy(true);
    say($("status"), `Checking ${chosen.name}…`);
    try {
      const report = await (await post("check", formData())).json();
      if (mine !== generation) return;
      checkedWith = optionsKey();
      show(report);
      say($("status"), `Checked ${chosen.name}.`);
      $("verdict").focus();
      await hours(mine);
    } catch (failure) {
      if (mine === generation) say($("status"), failure.message, true);
    } finally {
      if (mine === generation) setBusy(false);
    }
  }

  function show(report) {
    const summary = report.summary;
    const verdict = $("verdict");
    verdict.dataset.ready = summary.ready ? "true" : "false";
    verdict.className = `verdict ${summary.ready ? "ready" : "not-ready"}`;
    verdict.querySelector(".mark").textContent = summary.ready ? "✔" : "✖";
    $("verdict-words").textContent = summary.ready ? "Ready to send" : "Not ready to send";
    $("reasons").replaceChildren(...summary.reasons.map((item) => el("li", {}, `${item.count.toLocaleString("en-US")} ${item.reason}`)));
    const counts = [plural(summary.error, "error"), plural(summary.warning, "warning")];
    if (summary.info) counts.push(plural(summary.info, "info"));
    $("tally").textContent = `${report.files[0] ?? "the file"}: ${counts.join(", ")}.`;
    const fixable = report.fixable || { safe: 0, unsafe: 0 };
    let words = fixable.safe ? `${plural(fixable.safe, "finding")} fixed automatically in the fixed file.` : "Nothing for the fixed file to fix.";
    if (fixable.unsafe) words += ` ${fixable.unsafe.toLocaleString("en-US")} more with the box ticked.`;
    $("fixable").textContent = words;
    showFindings(report.diagnostics, isContactList(chosen));
    $("result").hidden = false;
  }

  function where(finding, rows) {
    if (finding.line !== null && finding.line !== undefined) {
      return rows ? `row ${finding.line}` : `line ${finding.line}${finding.column ? `:${finding.column}` : ""}`;
    }
    return finding.path ? finding.path : "the whole file";
  }

  function showFindings(diagnostics, rows) {
    const groups = new Map();
    for (const finding of diagnostics) {
      if (!groups.has(finding.code)) groups.set(finding.code, []);
      groups.get(finding.code).push(finding);
    }
    const rank = (list) => Math.min(...list.map((finding) => SEVERITIES[finding.severity][1]));
    const ordered = [...groups.entries()].sort((a, b) => rank(a[1]) - rank(b[1]) || a[0].localeCompare(b[0]));
    $("no-findings").hidden = diagnostics.length > 0;
    $("findings").replaceChildren(...ordered.map(([code, list]) => ruleGroup(code, list, rows)));
  }

  function ruleGroup(code, list, rows) {
    const bySeverity = {};
    for (const finding of list) bySeverity[finding.severity] = (bySeverity[finding.severity] || 0) + 1;
    const counts = Object.keys(SEVERITIES).filter((s) => bySeverity[s]).map((s) => plural(bySeverity[s], s));
    const heading = el(
      "h3",
      {},
      el("span", { class: "code" }, code),
      ` ${list[0].name} · ${counts.join(", ")} `,
      el("a", { href: list[0].url, rel: "noreferrer", target: "_blank" }, `about ${code}`),
    );
    const items = list.slice(0, SHOWN_PER_RULE).map((finding) => {
      const [mark] = SEVERITIES[finding.severity];
      const item = el(
        "li",
        { "data-testid": "finding", "data-code": finding.code, "data-severity": finding.severity },
        el("span", { class: `severity ${finding.severity}` }, `${mark} ${finding.severity}`),
        " ",
        el("span", { class: "where" }, where(finding, rows)),
        ": ",
        el("span", { class: "message" }, finding.message),
      );
      if (finding.hint) item.append(el("p", { class: "hint" }, el("span", { class: "label" }, "Hint: "), finding.hint));
      return item;
    });
    const group = el("section", { class: "rule", "data-code": code }, heading, el("ul", {}, ...items));
    if (list.length > SHOWN_PER_RULE) {
      group.append(el("p", { class: "more" }, `… and ${plural(list.length - SHOWN_PER_RULE, "more finding")} of ${code}: the rows report lists every row.`));
    }
    return group;
  }

  function cleanSvg(node) {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.data);
    if (node.nodeType !== Node.ELEMENT_NODE || node.namespaceURI !== SVG || !SVG_ELEMENTS.has(node.localName)) return null;
    const copy = document.createElementNS(SVG, node.localName);
    for (const attribute of node.attributes) {
      if (SVG_ATTRIBUTES.has(attribute.name)) copy.setAttribute(attribute.name, attribute.value);
    }
    for (const child of node.childNodes) {
      const copied = cleanSvg(child);
      if (copied) copy.append(copied);
    }
    return copy;
  }

  async function hours(mine) {
    const box = $("hours");
    box.replaceChildren();
    say($("hours-status"), "Drawing when the phones would ring…");
    try {
      const text = await (await post("hours", formData())).text();
      if (mine !== generation) return;
      const parsed = new DOMParser().parseFromString(svgPolicy.createHTML(text), "image/svg+xml");
      const picture = cleanSvg(parsed.documentElement);
      if (!picture || picture.localName !== "svg") throw new Error("the picture could not be read");
      picture.setAttribute("role", "img");
      picture.setAttribute("aria-label", "When the phones would ring, for each group of recipients");
      box.replaceChildren(picture);
      say($("hours-status"), "");
    } catch (failure) {
      if (mine === generation) say($("hours-status"), `No picture: ${failure.message}`, true);
    }
  }

  function filenameOf(disposition) {
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition || "");
    return encoded ? decodeURIComponent(encoded[1]) : "download";
  }

  async function download(button) {
    if (!chosen) return;
    const kind = button.dataset.kind;
    const extra = {};
    if (kind === "fix" && $("unsafe-fixes").checked) extra["unsafe-fixes"] = "on";
    if (kind === "rows") extra.format = $("rows-format").value;
    const status = $("download-status");
    setBusy(true);
    say(status, `Preparing ${button.textContent.toLowerCase()}…`);
    try {
      const response = await post(kind, formData(extra));
      const name = filenameOf(response.headers.get("content-disposition"));
      const note = decodeURIComponent(response.headers.get("x-retell-validate-note") || "");
      const link = el("a", { href: URL.createObjectURL(await response.blob()), download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      say(status, `Downloaded ${name}${note ? ` (${note})` : ""}.`);
    } catch (failure) {
      say(status, failure.message, true);
    } finally {
      setBusy(false);
    }
  }

  function choose(file) {
    if (!file) return;
    chosen = file;
    $("chosen").textContent = `${file.name}, ${plural(file.size, "byte")}`;
    const list = isContactList(file);
    $("contact-list").disabled = !list;
    $("contact-list").classList.toggle("off", !list);
    check();
  }

  fileInput.addEventListener("change", () => choose(fileInput.files[0]));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    check();
  });
  form.addEventListener("change", (event) => {
    if (chosen && event.target !== fileInput && !$("result").hidden && optionsKey() !== checkedWith) {
      say($("status"), "The options changed: check again to see what they change.");
    }
  });
  for (const button of downloads) button.addEventListener("click", () => download(button));
  for (const type of ["dragenter", "dragover"]) {
    drop.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add("over");
    });
  }
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    const files = event.dataTransfer.files;
    if (files.length) {
      fileInput.files = files;
      choose(files[0]);
    }
  });
  // A file dropped beside the box would make the browser open it and leave the page.
  for (const type of ["dragover", "drop"]) window.addEventListener(type, (event) => event.preventDefault());
})();
