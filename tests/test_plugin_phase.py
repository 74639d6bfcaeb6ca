"""What the plugin does to keep MkDocs' own phase of a build lean (issue 18: full build ≤ 1.2 × a bare one),
and `mkdocs serve`'s rebuilds reusing what the last build in the process worked out."""

from __future__ import annotations

import gc

from mkdocs.config import load_config

import generator.build

from .conftest import ROOT


def _pre_build(tmp_path):
    """What MkDocs does for each build (`mkdocs serve` too, after every edit): load the config afresh (MkDocs
    keeps a plugin instance that has on_startup), run on_config, then on_pre_build (generation)."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["microsite"]
    config = config.plugins.on_config(config)
    plugin.on_pre_build(config)
    return plugin


def test_mkdocs_phase_keeps_generation_out_of_the_collector_and_a_rebuild_reuses_the_analysis(
    tmp_path, monkeypatch
):
    # Generation's objects are frozen (gc.freeze) from the end of on_pre_build: MkDocs' collections then do
    # not walk them for every page. A failed or finished build hands them back.
    assert gc.get_freeze_count() == 0
    try:
        plugin = _pre_build(tmp_path)
        assert plugin.result is not None
        assert gc.get_freeze_count() > 0
        assert not any(o is plugin.result for o in gc.get_objects())
    finally:
        plugin.on_build_error(error=RuntimeError("test"))
    assert gc.get_freeze_count() == 0
    assert any(o is plugin.result for o in gc.get_objects())
    first = plugin.result.pages

    # The next build in the same process (what `mkdocs serve` does after an edit that changed no article)
    # analyses no article again: the build's caches outlive the build.
    analysed = []
    real = generator.build.analyse_article
    monkeypatch.setattr(
        generator.build, "analyse_article", lambda *a, **k: analysed.append(1) or real(*a, **k)
    )
    try:
        again = _pre_build(tmp_path)
    finally:
        again.on_build_error(error=RuntimeError("test"))
    assert again.result.pages == first
    assert analysed == []
