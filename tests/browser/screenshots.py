"""Screenshots of every page type at desktop and phone widths (scripts/screenshots).

Builds the site from the default corpus in a temporary copy of the project (the
checkout's docs/ and site/ are left alone), serves it on 127.0.0.1 and writes
``<page type>-desktop.png`` and ``<page type>-phone.png`` (full pages) into the
output folder.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from .site import DESKTOP, PAGE_TYPES, PHONE, build_site, launch, serve

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "screenshots")
    parser.add_argument("--scheme", choices=["light", "dark"], default="light")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(Path(tmp))
        with serve(site) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                context = browser.new_context(viewport=viewport, color_scheme=args.scheme, service_workers="block")
                page = context.new_page()
                for name, path in PAGE_TYPES.items():
                    page.goto(base + path, wait_until="load")
                    target = args.out / f"{name}-{width_name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
