"""MkDocs hooks: each event only hands over to elearning.site.build.SiteBuild.

MkDocs never reloads this file during `mkdocs serve`: restart serve after editing hooks/.
Every function named on_* here is registered as an event, so helpers live in the package.
"""
from mkdocs.plugins import event_priority

from elearning.site.build import SiteBuild
from elearning.site.theme_cache import share_compiled_templates

build = SiteBuild()


def on_startup(command, dirty):
    build.start(command)


def on_config(config):
    return build.configure(config)


@event_priority(-200)  # after static-i18n (-100) has given real files their languages
def on_files(files, config):
    return build.add_generated_pages(files, config)


@event_priority(-200)
def on_nav(nav, config, files):
    return build.keep_neighbours_in_section(nav)


def on_env(env, config, files):  # once per language build: compile templates once
    return build.template_globals(share_compiled_templates(env), config)


def on_page_markdown(markdown, page, config, files):
    return build.prepare_page(markdown, page, config)


def on_page_content(html, page, config, files):
    build.check_rendered(page)
    return html


def on_post_page(output, page, config):
    return build.finish_page(output, page, config)


def on_post_template(output_content, template_name, config):  # 404.html
    return build.finish_template(output_content, template_name, config)


@event_priority(-200)  # after static-i18n has built every language and merged search
def on_post_build(config):
    build.finish(config)
