"""A module text loaded as the build loads it, for rendering tests: the renderer shows the
loaded questions and exercises, never its own reading of the text."""
from elearning.domain.blocks import scan_blocks
from elearning.domain.decisions import decisions_in
from elearning.domain.cases import cases_in, trainer_notes_in
from elearning.domain.modules import ModuleText, shown_on_page
from elearning.domain.problems import Problems
from elearning.domain.quizzes import quizzes_in
from elearning.markdown import PageView

FILE = "curriculum/modules/m.md"


def module_view(text, language="en", contacts=None, problems=None, **view):
    """The PageView of a module page whose text is `text`, loaded (without problems unless
    `problems` is given to collect them)."""
    found = Problems()
    blocks = scan_blocks(text)
    shown = shown_on_page(blocks, quizzes_in(blocks, "m", FILE, found),
                          decisions_in(text, 1, FILE, "m", blocks, contacts or {}, found),
                          cases_in(blocks, FILE, found), (),
                          trainer_notes_in(blocks, FILE, found))
    if problems is None:
        assert found.found == []
    else:
        problems.extend(str(p) for p in found)
    loaded = ModuleText(language, "M", ("o",), text, FILE, 1, shown=shown)
    return PageView(language, text=loaded, file=FILE, **view)


def item_text(text, file="toolkits/road.md", language="en", contacts=None, audiences=None,
              problems=None):
    """A toolkit item's text loaded as the build loads it (`ItemText.shown`)."""
    from pathlib import Path

    from elearning.domain.source import Located, MarkdownSource
    from elearning.domain.toolkits import ItemText, _check_body
    found = Problems()
    charts, used, shown = _check_body(MarkdownSource(Path(file), Located({}), text, 1), file,
                                      audiences or {}, contacts or {}, found)
    if problems is None:
        assert found.found == []
    else:
        problems.extend(str(p) for p in found)
    return ItemText(language, "Item", text, file, 1, None, tuple(charts), frozenset(used), shown)


def items_view(*texts, language="en", **view):
    """The PageView of a generated page joining toolkit item texts, in this order."""
    return PageView(language, items=tuple(texts), file="toolkits/employers/index.md", **view)
