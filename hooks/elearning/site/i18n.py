"""Wiring generated pages into mkdocs-static-i18n.

static-i18n builds the site once per language and gives real files their language
attributes. Generated pages get none of that, so each is made per language here with the
attributes the plugin and the language switcher read (docs/upgrading.md lists them).
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


class Languages:
    """The i18n plugin's view of the current build."""

    def __init__(self, config: MkDocsConfig):
        self.plugin = config.plugins["i18n"]

    @property
    def all(self) -> tuple[str, ...]:
        """Every built language, the default (source) language first."""
        default = self.plugin.default_language
        others = [lang for lang in self.plugin.build_languages if lang != default]
        return (default, *others)

    @property
    def of_the_content(self) -> tuple[str, ...]:
        """Every language in mkdocs.yml, built or not: the content is checked against all of
        them, also in a preview that builds fewer (`make serve PREVIEW=en`)."""
        default = self.plugin.default_language
        others = [lang.locale for lang in self.plugin.config.languages if lang.locale != default]
        return (default, *others)

    @property
    def current(self) -> str:
        return self.plugin.current_language or self.plugin.default_language

    @property
    def is_first_build(self) -> bool:
        """True in the default-language pass, which starts every `mkdocs build`."""
        return not self.plugin.building

    def prefix(self, language: str) -> str:
        return "" if language == self.plugin.default_language else f"{language}/"


def generated_page(config: MkDocsConfig, languages: Languages, src_uri: str, content: str) -> File:
    """A page that exists in every language at the same src_uri, under az/, ru/, ..."""
    current = languages.current
    page = _file(config, languages, src_uri, current, content)
    page.alternates = {lang: (page if lang == current else
                              _file(config, languages, src_uri, lang, ""))
                       for lang in languages.all}
    return page


def _file(config, languages: Languages, src_uri: str, language: str, content: str) -> File:
    file = File.generated(config, src_uri, content=content)
    file.dest_uri = languages.prefix(language) + file.dest_uri
    file.locale = language
    file.localization = None if language == languages.all[0] else language
    file.locale_alternate_of = language
    file.norm_src_uri = src_uri
    return file
