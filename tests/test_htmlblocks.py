"""Pre-rendered HTML blocks skip the Markdown parser and come back unchanged."""

from __future__ import annotations

import markdown
from markupsafe import Markup

from sourcebound.htmlblocks import CLOSE, OPEN, Block, element_ids, html_block, protect, restore, restore_for_search, restore_held_back

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


PAGE = (
    "# Title\n\nSome *Markdown* prose.\n"
    + html_block('<p id="a-s1">Text with *stars*, [brackets](x.md) and `ticks`</p>')
    + "\n## Next\n\n<div markdown=\"1\">\n"
    + html_block('<ol><li id="a-l1">one</li></ol>')
    + "\n</div>\n"
)


def test_blocks_pass_through_markdown_untouched() -> None:
    protected, blocks = protect(PAGE)
    assert len(blocks) == 2 and OPEN not in protected and CLOSE not in protected
    html = restore(convert(protected), blocks)
    assert '<p id="a-s1">Text with *stars*, [brackets](x.md) and `ticks`</p>' in html
    assert '<ol><li id="a-l1">one</li></ol>' in html
    assert "<em>Markdown</em>" in html and 'id="next"' in html
    assert "sourcebound:block" not in html


def test_the_same_page_without_the_plugin_renders_the_same_blocks() -> None:
    # Markdown leaves a raw HTML block alone; the plugin only saves the parsing.
    html = convert(PAGE)
    assert '<p id="a-s1">Text with *stars*, [brackets](x.md) and `ticks`</p>' in html
    assert '<ol><li id="a-l1">one</li></ol>' in html


def test_ids_in_blocks_are_declared_for_anchor_validation() -> None:
    _, blocks = protect(PAGE)
    assert element_ids(blocks) == {"a-s1", "a-l1"}


def test_a_page_without_blocks_is_unchanged() -> None:
    assert protect("# Plain\n\ntext\n") == ("# Plain\n\ntext\n", [])
    assert restore("<p>x</p>", []) == "<p>x</p>"


def test_an_unindexed_block_stays_a_placeholder_until_the_page_is_finished() -> None:
    page = "# T\n" + html_block("<p>indexed words</p>") + html_block('<p id="x-s1">unindexed words</p>', indexed=False)
    protected, blocks = protect(page)
    assert [b.indexed for b in blocks] == [True, False]
    content = restore(convert(protected), blocks, indexed_only=True)
    # What the search index reads: the indexed block only.
    assert "indexed words" in content and "unindexed words" not in content
    assert element_ids(blocks) == {"x-s1"}
    finished = restore(f"<html><body>{content}</body></html>", blocks)
    assert '<p id="x-s1">unindexed words</p>' in finished and "sourcebound:block" not in finished


def test_what_the_index_leaves_out_of_an_indexed_block_is_held_back_until_the_page_is_finished() -> None:
    line = '<li id="d-l1">The mayor said a drone was downed. <small class="sb-cites" data-search-exclude>(<a href="#d-s2">sentence 2</a>)</small><br><small data-search-exclude><span class="sb-mark">corroborated by <a href="../compare.html#c1">3 claims</a></span></small></li>'
    page = "# T\n" + html_block(f"<ol>{line}</ol><p><small>kept</small></p>") + html_block('<p id="d-s2">unindexed words</p>', indexed=False)
    protected, blocks = protect(page)
    converted = convert(protected)
    content, held = restore_for_search(converted, blocks)
    # The search index reads the line's words, not its citations and marks.
    assert "The mayor said a drone was downed." in content and "<small>kept</small>" in content
    assert "sentence 2" not in content and "corroborated" not in content and "unindexed words" not in content
    assert len(held) == 2
    finished = restore_held_back(f"<html><body>{content}</body></html>", blocks, held)
    assert finished == f"<html><body>{restore(converted, blocks)}</body></html>"
    assert "sourcebound:" not in finished


def test_every_block_of_a_page_kept_out_of_the_index_waits_for_the_finished_page() -> None:
    page = "# T\n\nIntro.\n" + html_block('<p id="s-a1">indexed words <small data-search-exclude>cite</small></p>') + html_block("<p>unindexed</p>", indexed=False)
    protected, blocks = protect(page)
    converted = convert(protected)
    content, held = restore_for_search(converted, blocks, page_indexed=False)
    assert held == [] and content == converted
    assert "indexed words" not in content and "Intro." in content
    assert restore_held_back(content, blocks, held) == restore(converted, blocks)


def _site_markdown() -> markdown.Markdown:
    """Markdown as MkDocs makes it for a page of the site (mkdocs.yml's extensions)."""
    from mkdocs.config import load_config

    from .conftest import ROOT

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def _outline(toc) -> list[tuple[int, str, str, list]]:  # type: ignore[no-untyped-def]
    return [(item.level, item.id, item.title, _outline(item.children)) for item in toc]


# Titles whose slugs meet: the second and third get the extension's suffixes.
TITLES = ["Summary", "Untitled&#58; “The Ministry of Defense provided a…”", "Summary", "Ça va &amp; co", "Summary_1"]


def test_a_heading_in_a_block_is_the_heading_markdown_would_make_with_the_sites_settings() -> None:
    from sourcebound.htmlblocks import Headings

    written = "# Summary\n\n" + "".join(f"## {title}\n\n" for title in TITLES)
    expected = _site_markdown().convert(written)
    headings = Headings("Summary")
    made = [headings(2, Markup(title)) for title in TITLES]
    h1 = expected.split("\n", 1)[0]
    assert expected == "\n".join([h1, *(heading.strip("\n") for heading in made)])


def test_the_table_of_contents_lists_the_headings_in_blocks_where_they_are_on_the_page() -> None:
    from mkdocs.structure.toc import get_toc

    from sourcebound.htmlblocks import Headings, table_of_contents

    headings = Headings("Title")
    page = (
        "# Title\n\nProse.\n\n## In Markdown\n\nMore prose.\n"
        + html_block(headings(2, "In order"), "<p>one</p>", headings(3, "Detail"), "<p>two</p>")
        + html_block("<p>no heading</p>", indexed=False)
        + html_block(headings(2, "Not placed"), "<p>three</p>", indexed=False)
    )
    # The same page with every heading written in Markdown.
    written = "# Title\n\nProse.\n\n## In Markdown\n\nMore prose.\n\n## In order\n\none\n\n### Detail\n\ntwo\n\nno heading\n\n## Not placed\n\nthree\n"
    md = _site_markdown()
    md.convert(written)
    expected = get_toc(md.toc_tokens)
    protected, blocks = protect(page)
    md = _site_markdown()
    content = md.convert(protected)
    toc = table_of_contents(content, blocks, get_toc(md.toc_tokens))
    assert _outline(toc) == _outline(expected)
    assert [item.id for item in toc.items[0].children] == ["in-markdown", "in-order", "not-placed"]
    assert getattr(toc.items[0], "active", False)
    # A page whose blocks hold no heading keeps the table of contents Markdown made.
    plain = get_toc(md.toc_tokens)
    assert table_of_contents(content, [Block("<p>x</p>")], plain) is plain
