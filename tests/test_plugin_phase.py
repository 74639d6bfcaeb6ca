"""What the plugin does to keep MkDocs' own phase of a build lean (issue 18: full build ≤ 1.2 × a bare one)."""

from __future__ import annotations

import gc

from mkdocs.config import load_config

from .conftest import ROOT


def test_generation_stays_out_of_the_garbage_collector_while_mkdocs_builds(tmp_path):
    # Generation's objects are frozen (gc.freeze) from the end of on_pre_build: MkDocs' collections then do
    # not walk them for every page. A failed or finished build hands them back.
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["microsite"]
    config = config.plugins.on_config(config)
    assert gc.get_freeze_count() == 0
    try:
        plugin.on_pre_build(config)
        assert plugin.result is not None
        assert gc.get_freeze_count() > 0
        assert not any(gc.is_tracked(o) and o is plugin.result for o in gc.get_objects())
    finally:
        plugin.on_build_error(error=RuntimeError("test"))
    assert gc.get_freeze_count() == 0
    assert any(o is plugin.result for o in gc.get_objects())
