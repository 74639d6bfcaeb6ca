"""MkDocs plugin: ``mkdocs build`` regenerates every page from ``site_data/`` (no generated file on disk).

Generation runs in ``on_pre_build``, before MkDocs cleans the site directory, so bad input stops the build
with the last good site untouched. The pages are then added in ``on_files`` with ``File.generated``.

The plugin also brings the site's look: ``templates/theme/`` (a Material partial override, the site's CSS and
JavaScript, the vendored offline-search shim) is put into the theme, so any microsite's mkdocs.yml, such as
one made by ``python -m generator new``, needs only ``- microsite`` under ``plugins``.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .analyse.glossary import GlossaryExtension
from .build import TEMPLATES, generate
from .errors import SiteDataError, SiteDataErrors

log = logging.getLogger("mkdocs.plugins.microsite")


class MicrositeConfig(Config):
    site_data = c.Type(str, default="site_data")  # relative to mkdocs.yml
    templates = c.Optional(c.Type(str))


# Files under templates/theme/ that every page loads, in this order after the theme's own.
EXTRA_CSS = (
    "assets/stylesheets/site.css",
    "assets/stylesheets/charts.css",  # the pictures of generator/charts.py
    "assets/stylesheets/a11y.css",
)
EXTRA_JAVASCRIPT = (
    "assets/javascripts/assign.js",
    "assets/javascripts/tables.js",
    "assets/javascripts/quiz.js",
)


class MicrositePlugin(BasePlugin[MicrositeConfig]):
    def on_config(self, config):
        base = Path(config.config_file_path).parent
        self.site_data = (base / self.config.site_data).resolve()
        self.templates = (base / self.config.templates).resolve() if self.config.templates else TEMPLATES
        self.result = None
        # The theme prints site_name and site_description unescaped, inside attributes too (aria-label="…",
        # <meta name="description" content="…">): they are HTML there, so a quote in mkdocs.yml is escaped
        # (an entity already written stays as it is).
        for key in ("site_name", "site_description"):
            if config[key]:
                config[key] = html.escape(html.unescape(config[key]), quote=True)
        # After the editor's own custom_dir (if any), so an editor can still override our files; MkDocs
        # copies the theme folder's static files into the site.
        theme_dir = str(self.templates / "theme")
        dirs = config.theme.dirs
        if theme_dir not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
        config.extra_css.extend(p for p in EXTRA_CSS if p not in config.extra_css)
        scripts = {str(s) for s in config.extra_javascript}
        config.extra_javascript.extend(p for p in EXTRA_JAVASCRIPT if p not in scripts)
        return config

    def on_pre_build(self, config):
        try:
            # Raw-HTML links in the pages are written for the URL style in force (the offline build of the
            # classroom copy turns directory URLs off).
            self.result = generate(
                self.site_data,
                self.templates,
                config.use_directory_urls,
                site_name=html.unescape(config.site_name),
            )
        except (SiteDataError, SiteDataErrors) as exc:
            raise PluginError(f"site data is not valid; nothing was built:\n{exc}") from None
        if self.result.site.terms:
            # Glossary tooltips on every page MkDocs renders from Markdown (article text is marked by render).
            config.markdown_extensions.append(GlossaryExtension(self.result.site.terms))
        # Editor notes are not failures: log them as INFO so `mkdocs build --strict` still passes.
        for warning in self.result.warnings:
            log.info("note: %s: %s", warning.path, warning.message)

    def on_files(self, files: Files, config):
        for path, content in self.result.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(
                    f"docs/{path} exists, but the generator makes that page; remove or rename docs/{path}"
                )
            files.append(File.generated(config, path, content=content))
        return files

    def on_serve(self, server, config, builder):
        server.watch(str(self.site_data))
        return server
