"""Phone width: no page scrolls sideways; wide tables scroll in their own box."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Reader
from .site import PAGE_TYPES, PHONE


@pytest.fixture
def phone(open_reader: Callable[..., Reader]) -> Reader:
    return open_reader(viewport=PHONE)


def test_no_page_type_scrolls_sideways_on_a_phone(phone: Reader) -> None:
    page = phone.page
    overflowing = {}
    for name, path in PAGE_TYPES.items():
        phone.open(path)
        widths = page.evaluate(
            "() => ({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth,"
            " wide: [...document.querySelectorAll('article *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1"
            " && !e.closest('.md-typeset__scrollwrap, .sb-meta, pre, .md-typeset__table')).slice(0, 3).map((e) => e.tagName + '.' + e.className)})"
        )
        if widths["scroll"] > widths["inner"]:
            overflowing[name] = widths
    assert overflowing == {}


def test_tables_fit_or_scroll_in_their_own_box_on_a_phone(phone: Reader) -> None:
    page = phone.page
    for name, path in PAGE_TYPES.items():
        phone.open(path)
        unscrollable = page.evaluate(
            """() => [...document.querySelectorAll('article table')].filter((table) => {
                 if (table.getBoundingClientRect().right <= window.innerWidth + 1) return false;
                 for (let box = table.parentElement; box && box !== document.body; box = box.parentElement) {
                   const overflow = getComputedStyle(box).overflowX;
                   if ((overflow === 'auto' || overflow === 'scroll') && box.getBoundingClientRect().right <= window.innerWidth + 1) return false;
                 }
                 return true;
               }).length"""
        )
        assert unscrollable == 0, name
