from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

#: Property tests run a modest number of examples in CI; ``scripts/fuzz N`` runs
#: N per property (the "fuzz" profile).
settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("SOURCEBOUND_FUZZ_EXAMPLES", "10000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_DOCUMENTS = ("000_1363d7abf5fa0263", "003_266b0a360377c358")


def make_site_project(tmp_path: Path) -> Path:
    """A copy of the project's site configuration and hand-written docs, so a test
    build never touches the checkout's docs/ folder."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(
        ROOT / "docs",
        project / "docs",
        ignore=shutil.ignore_patterns(
            ".sourcebound-generated",
            "documents",
            "data",
            "sources",
            "timeline",
            "index.md",
            "data.md",
            "report.md",
            "rules.md",
            "timeline.md",
            "summaries.md",
            "summaries",
            "compare.md",
            "compare",
            "calendar",
            "feed.xml",
        ),
    )
    shutil.copytree(CORPUS, project / "corpus")
    return project


@pytest.fixture
def site_project(tmp_path: Path) -> Path:
    return make_site_project(tmp_path)
