"""End to end: real, strict MkDocs builds of the generated site."""

from __future__ import annotations

import filecmp
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcebound.cli import cli

from .conftest import make_site_project

pytestmark = pytest.mark.build


def build(project: Path, site: str = "site", *extra: str) -> Path:
    result = CliRunner().invoke(
        cli,
        ["build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(project / site), *extra],
    )
    assert result.exit_code == 0, result.output + (str(result.exception) if result.exception else "")
    return project / site


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_site_project(tmp_path_factory.mktemp("built"))
    return build(project, "site", "--strict")


def test_strict_build_has_every_page(built: Path) -> None:
    for page in [
        "index.html",
        "documents/index.html",
        "documents/000-1363d7abf5fa0263.html",
        "documents/003-266b0a360377c358.html",
        "method.html",
        "data.html",
        "ledger.html",
        "report.html",
        "data/ledger.json",
        "data/documents/000-1363d7abf5fa0263.json",
        "data/documents/003-266b0a360377c358.json",
        "schema/ledger.schema.json",
        "schema/document.schema.json",
        "search/search_index.json",
        "sources/index.html",
        "sources/sergei-sobyanin.html",
        "timeline.html",
        "timeline/000-1363d7abf5fa0263.html",
        "timeline/003-266b0a360377c358.html",
        "rules.html",
        "data/timeline.csv",
        "data/timeline.json",
    ]:
        assert (built / page).is_file(), page


def test_every_sentence_is_numbered_and_linkable(built: Path) -> None:
    from sourcebound.pipeline import build_ledger

    from .conftest import CORPUS

    for record in build_ledger(CORPUS).records:
        page = (built / "documents" / f"{record.id}.html").read_text("utf-8")
        for sentence in record.segmentation.sentences:
            assert f'id="{sentence.id}"' in page
            assert f'href="#{sentence.id}"' in page


def test_home_shows_the_corpus_at_a_glance(built: Path) -> None:
    home = (built / "index.html").read_text("utf-8")
    assert "<dt>Documents</dt><dd>2</dd>" in home
    assert "<dt>Sentences</dt><dd>46</dd>" in home
    assert "not stated in any of the 2 documents" in home


def test_build_report_lists_every_input(built: Path) -> None:
    report = (built / "report.html").read_text("utf-8")
    for name in ["000_1363d7abf5fa0263.txt", "003_266b0a360377c358.txt", "000_1363d7abf5fa0263.txt.meta.yaml"]:
        assert name.replace("_", "&#95;") in report or name in report


def test_site_requests_nothing_from_other_hosts(built: Path) -> None:
    for page in built.rglob("*.html"):
        html = page.read_text("utf-8")
        for tag, url in re.findall(r"<(script|link|img|iframe|source)\b[^>]*?(?:src|href)=\"([^\"]+)\"", html):
            assert not re.match(r"^(?:[a-z]+:)?//", url), f"{page}: <{tag}> loads {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        # Material loads Mermaid from a CDN only for pages with a diagram: there must be none.
        assert 'class="mermaid"' not in html


def test_every_section_of_a_generated_page_is_in_its_table_of_contents(built: Path) -> None:
    for folder in ["documents", "sources", "timeline", "summaries"]:
        pages = [page for page in (built / folder).glob("*.html") if page.name != "index.html"] or [built / f"{folder}.html"]
        for page in pages:
            html = page.read_text("utf-8")
            sections = re.findall(r'<h2 id="([^"]+)">.*?<a class="headerlink" href="#\1"', html)
            toc = html.split('data-md-component="toc"', 1)[1].split("</nav>", 1)[0]
            assert sections and re.findall(r'<a href="#([^"]+)" class="md-nav__link">', toc) == sections, page


def test_no_build_machine_timestamps(built: Path) -> None:
    sitemap = (built / "sitemap.xml").read_text("utf-8")
    assert "<lastmod>" not in sitemap
    today = {datetime.now(timezone.utc).date(), date.today()}
    stamps = {f"{d:%Y-%m-%d}" for d in today} | {f"{d.day} {d:%B %Y}" for d in today} | {f"{d:%B} {d.day}, {d:%Y}" for d in today}
    for page in built.rglob("*.html"):
        text = page.read_text("utf-8")
        assert not [stamp for stamp in stamps if stamp in text], page


def test_two_builds_are_byte_identical(site_project: Path) -> None:
    first = tree(build(site_project, "site-a"))
    second = tree(build(site_project, "site-b"))
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_rebuild_rewrites_only_changed_generated_pages(site_project: Path) -> None:
    build(site_project, "site-a")
    docs = site_project / "docs"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    (site_project / "corpus" / "new.txt").write_text("The ministry said a drone was downed.", "utf-8")
    build(site_project, "site-b")
    changed = sorted(p.relative_to(docs).as_posix() for p, t in before.items() if p.stat().st_mtime_ns != t)
    assert "documents/000-1363d7abf5fa0263.md" not in changed
    assert (docs / "documents" / "new.md").is_file()
    (site_project / "corpus" / "new.txt").unlink()
    build(site_project, "site-c")
    assert not (docs / "documents" / "new.md").exists()
    assert not (site_project / "site-c" / "documents" / "new.html").exists()


def test_hostile_text_is_shown_as_text(site_project: Path) -> None:
    hostile = (
        "Mayor <b>Ann</b> Lee said at 13:02 Moscow time that <script>alert(1)</script> was posted. "
        "A [link](javascript:alert(2)) and ![img](http://example.org/x.png) appeared. "
        "The template {{ config.site_name }} and {% if x %} stayed. "
        "A table | a | b | and `code` and <!-- comment --> remained.\n"
    )
    (site_project / "corpus" / "hostile.txt").write_text(hostile, "utf-8")
    site = build(site_project, "site", "--strict")
    page = (site / "documents" / "hostile.html").read_text("utf-8")
    assert "<script>alert" not in page
    assert 'href="javascript:alert' not in page
    assert "example.org/x.png\"" not in page
    assert "<!-- comment -->" not in page
    assert "&#123;&#123; config.site&#95;name &#125;&#125;" in page
    # the same words on the pages built from what was extracted from them
    derived = [
        site / "documents" / "hostile.html",
        site / "tags.html",
        site / "timeline.html",
        site / "timeline" / "hostile.html",
        site / "sources" / "index.html",
        *(site / "sources").glob("*lee*.html"),
    ]
    assert len(derived) == 6
    for path in derived:
        html = path.read_text("utf-8")
        assert "<script>alert" not in html and "<b>Ann" not in html, path
    assert "13&#58;02" in (site / "timeline" / "hostile.html").read_text("utf-8")
    search = (site / "search" / "search_index.json").read_text("utf-8")
    assert "<script>alert" not in search and "<b>Ann" not in search


def test_withheld_text_is_not_published(site_project: Path) -> None:
    (site_project / "corpus" / "secret.txt").write_text("The licensed sentence says something.", "utf-8")
    (site_project / "corpus" / "secret.txt.meta.yaml").write_text("display: withheld\nlicense: All rights reserved\n", "utf-8")
    site = build(site_project, "site", "--strict")
    page = (site / "documents" / "secret.html").read_text("utf-8")
    assert 'id="secret-s1"' in page
    assert "licensed sentence" not in page
    published = sorted((site / "data").rglob("*.json"))
    assert site / "data" / "ledger.json" in published and site / "data" / "documents" / "secret.json" in published
    for path in published:
        assert "licensed sentence" not in path.read_text("utf-8"), path
    assert "licensed sentence" not in (site / "search" / "search_index.json").read_text("utf-8")


def test_strict_build_fails_on_a_rejected_input(site_project: Path) -> None:
    (site_project / "corpus" / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(
        cli, ["build", "--config-file", str(site_project / "mkdocs.yml"), "--site-dir", str(site_project / "site"), "--strict"]
    )
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    # Without --strict the rest of the corpus still builds and the report lists the file.
    site = build(site_project, "site")
    assert "empty" in (site / "report.html").read_text("utf-8")
    assert (site / "documents" / "000-1363d7abf5fa0263.html").is_file()


def test_same_output_for_mkdocs_build_directly(site_project: Path) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "direct"], cwd=site_project, check=True)
    via_cli = tree(build(site_project, "via-cli", "--strict"))
    assert filecmp.cmp(site_project / "direct" / "index.html", site_project / "via-cli" / "index.html", shallow=False)
    assert tree(site_project / "direct").keys() == via_cli.keys()


def test_no_loss_every_sentence_and_every_input(site_project: Path) -> None:
    """Every sentence of every accepted document is on its page and in the ledger;
    every input file, good or bad, is in the build report; the bad ones are
    rejected one line each, and the build goes on."""
    import html
    import json

    corpus = site_project / "corpus"
    bad = {
        "empty.txt": b"",
        "blank.txt": b"   \n\t \n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "huge.txt": b"Officials said the count rose. " * 700_000,  # about 21 MB
        "no-article.html": b"<html><body><nav>Home | About</nav></body></html>",
        "copy.txt": (corpus / "000_1363d7abf5fa0263.txt").read_bytes(),
        "bad-meta.txt": b"The governor said the road was closed on Monday.",
        "bad-meta.txt.meta.yaml": b"published: 2024-02-30\nunknown_key: 1\ntitle: [1, 2]\n",
        "orphan.txt.meta.yaml": b"title: Nothing\n",
    }
    good = {
        "mixed-newlines.txt": b"Police said the bridge closed.\r\nOfficials said it would reopen on Friday.\rA spokesman said repairs had begun.\n",
        "bom.txt": "\ufeffThe minister said talks would resume in March 2024.".encode("utf-8"),
        "latin.txt": "Le ministre a déclaré que les pourparlers reprendraient en mars.".encode("cp1252"),
        "report.md": b"---\ntitle: A Markdown report\n---\n\n# A Markdown report\n\nThe agency said the figures were preliminary.\n",
    }
    for name, data in {**bad, **good}.items():
        (corpus / name).write_bytes(data)
    site = build(site_project, "site")
    report = html.unescape((site / "report.html").read_text("utf-8"))
    for path in sorted(corpus.iterdir()):
        assert f"corpus/{path.name}" in report, path.name
    for name in ("empty.txt", "blank.txt", "binary.txt", "huge.txt", "no-article.html", "copy.txt", "bad-meta.txt", "orphan.txt.meta.yaml"):
        row = next(row for row in report.split("<tr") if f"corpus/{name}<" in row)
        assert "rejected" in row, name
    ledger = json.loads((site / "data" / "ledger.json").read_text("utf-8"))
    accepted = {d["id"]: json.loads((site / "data" / d["file"]).read_text("utf-8")) for d in ledger["documents"]}
    assert len(accepted) == 2 + len(good)
    assert {i["path"] for i in ledger["inputs"]} == {f"corpus/{p.name}" for p in corpus.iterdir()}
    for document in accepted.values():
        page = (site / "documents" / f"{document['id']}.html").read_text("utf-8")
        visible = html.unescape(re.sub(r"<[^>]+>", "", page))
        for sentence in document["sentences"]:
            assert sentence["text"] == document["text"][sentence["start"] : sentence["end"]]
            assert f'id="{sentence["id"]}"' in page
            assert " ".join(sentence["text"].split()) in " ".join(visible.split()), sentence["id"]


def _index_text(site: Path) -> dict[str, str]:
    import json

    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return {entry["location"]: entry["text"] for entry in index["docs"]}


def test_search_holds_summaries_always_and_the_full_text_up_to_a_corpus_size(built: Path, site_project: Path) -> None:
    # The default corpus is below the limit: its text is found by search.
    entries = _index_text(built)
    text_sections = [t for loc, t in entries.items() if loc.startswith("documents/") and loc.endswith("#text")]
    assert len(text_sections) == 2 and all("Belgorod" in t or "Sobyanin" in t for t in text_sections)
    summaries = [t for loc, t in entries.items() if loc.startswith("documents/") and loc.endswith("#summary")]
    assert len(summaries) == 2 and all("said" in t for t in summaries)
    # Sections whose content is never indexed have no entry of their own: each
    # would be a result without text, and the browser loads every entry.
    assert not [loc for loc in entries if loc.startswith("documents/") and loc.endswith(("#sourcing-profile", "#loaded-language"))]
    # A summary line is indexed by what it says, not by its citations and marks.
    assert not [t for t in summaries if "(sentence " in t or "corroborated by" in t or "contradicted by" in t]
    # Above the limit the text is read on the document pages; the summaries stay.
    config = site_project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - sourcebound:\n", "  - sourcebound:\n      search_text_up_to: 1\n"), "utf-8")
    entries = _index_text(build(site_project, "site", "--strict"))
    assert not [loc for loc in entries if loc.startswith("documents/") and loc.endswith("#text")]
    assert not [t for t in entries.values() if "Every sentence carries its number" in t]
    summaries = [t for loc, t in entries.items() if loc.startswith("documents/") and loc.endswith("#summary")]
    assert len(summaries) == 2 and any("Sobyanin" in t for t in summaries)
    assert any("38" in t for t in summaries) and any("Belgorod" in t for t in summaries)
    pages = [loc for loc in entries if loc.startswith("documents/") and loc != "documents/index.html"]
    assert sorted(loc.partition("#")[2] for loc in pages) == ["", "", "summary", "summary"]


def _primary_nav(page: Path) -> str:
    html = page.read_text("utf-8")
    found = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html, re.S)
    assert found, page
    return found[0]


def test_navigation_on_pages_outside_it_links_from_their_folder(built: Path) -> None:
    # Pages outside the navigation share one rendering of it per folder: it must
    # be the same on each, mark nothing active, and link correctly from there.
    outside = {
        "documents": sorted((built / "documents").glob("0*.html")),
        "sources": sorted(p for p in (built / "sources").glob("*.html") if p.name != "index.html"),
        "timeline": sorted((built / "timeline").glob("*.html")),
    }
    for folder, pages in outside.items():
        assert len(pages) >= 2, folder
        navs = {_primary_nav(page) for page in pages}
        assert len(navs) == 1, folder
        nav = navs.pop()
        assert "md-nav__link--active" not in nav and "md-nav__item--active" not in nav
        links = re.findall(r'href="([^"#]+)', nav)
        assert len(links) >= 12
        for link in links:
            assert (pages[0].parent / link).resolve().is_file(), (folder, link)
    # A page in the navigation is marked active there, as the theme does.
    summaries = _primary_nav(built / "summaries.html")
    assert re.search(r'<a href="summaries.html" class="md-nav__link md-nav__link--active">', summaries), summaries


def test_pages_made_by_workers_while_mkdocs_reads_them_give_the_same_site(site_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sourcebound import compare_pages, render, summary_pages, timeline_pages
    from sourcebound.site import MANIFEST

    corpus = site_project / "corpus"
    seeds = [p.read_text("utf-8") for p in sorted(corpus.glob("*.txt"))]
    for n in range(22):
        text = seeds[n % len(seeds)].replace("Sobyanin", f"Sobyanin-{n}")
        (corpus / f"report-{n:02d}.txt").write_text(f"Report {n} on the alerts\n\n{text}", "utf-8")
        (corpus / f"report-{n:02d}.txt.meta.yaml").write_text(f"published: 2024-11-{1 + n:02d}\n", "utf-8")
    # A Compare page in parts, as for a large corpus: each part a page of its own.
    monkeypatch.setattr(compare_pages, "PAGE_LINES_MAX", 6)
    monkeypatch.setattr(summary_pages, "SUMMARY_DOCUMENTS_PER_PAGE", 10)
    monkeypatch.setattr(timeline_pages, "CALENDAR_ENTRIES_PER_PAGE", 3)
    in_one_process = tree(build(site_project, "site-one", "--strict", "--workers", "1"))
    assert sum(1 for name in in_one_process if name.startswith("compare/") and name.endswith(".html")) > 1
    assert sum(1 for name in in_one_process if name.startswith("summaries/") and name.endswith(".html")) == 3
    assert sum(1 for name in in_one_process if name.startswith("calendar/") and name.endswith(".html")) > 1
    docs = site_project / "docs"
    for relative in (docs / MANIFEST).read_text("utf-8").split():
        (docs / relative).unlink()
    # Every page is listed for MkDocs before any is written, and written by a worker.
    monkeypatch.setattr(render, "PARALLEL_PAGES_MINIMUM", 1)
    monkeypatch.setattr(render, "PAGES_CHUNK", 7)
    by_workers = tree(build(site_project, "site-two", "--strict", "--workers", "2"))
    assert by_workers.keys() == in_one_process.keys()
    assert [name for name in by_workers if by_workers[name] != in_one_process[name]] == []


def test_a_dirty_build_shows_what_changed(site_project: Path) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], cwd=site_project, check=True)
    (site_project / "corpus" / "new.txt").write_text("Late report\n\nThe ministry said a drone was downed.", "utf-8")
    # --dirty rebuilds only the pages whose file is newer than their output:
    # every page must be written before MkDocs looks.
    (site_project / "corpus" / "empty.txt").write_text("", "utf-8")
    dirty = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "-d", "site"], cwd=site_project, check=True, capture_output=True, text=True)
    assert "Late report" in (site_project / "site" / "documents" / "index.html").read_text("utf-8")
    # A rejected input is reported once.
    assert len([line for line in dirty.stderr.splitlines() if "empty.txt" in line]) == 1, dirty.stderr
