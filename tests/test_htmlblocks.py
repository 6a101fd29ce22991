"""Pre-rendered HTML blocks skip the Markdown parser and come back unchanged."""

from __future__ import annotations

import markdown

from sourcebound.htmlblocks import CLOSE, OPEN, element_ids, html_block, protect, restore, restore_for_search, restore_held_back

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
