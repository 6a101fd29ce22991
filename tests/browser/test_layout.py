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
    """The page never scrolls sideways; a table wider than the screen scrolls in
    its own box."""
    page = phone.page
    problems = {}
    for name, path in PAGE_TYPES.items():
        phone.open(path)
        found = page.evaluate(
            """() => ({
                 scrollWidth: document.scrollingElement.scrollWidth,
                 innerWidth: window.innerWidth,
                 unscrollableTables: [...document.querySelectorAll('article table')].filter((table) => {
                   if (table.getBoundingClientRect().right <= window.innerWidth + 1) return false;
                   for (let box = table.parentElement; box && box !== document.body; box = box.parentElement) {
                     const overflow = getComputedStyle(box).overflowX;
                     if ((overflow === 'auto' || overflow === 'scroll') && box.getBoundingClientRect().right <= window.innerWidth + 1) return false;
                   }
                   return true;
                 }).length,
               })"""
        )
        if found["scrollWidth"] > found["innerWidth"] or found["unscrollableTables"]:
            problems[name] = found
    assert problems == {}
